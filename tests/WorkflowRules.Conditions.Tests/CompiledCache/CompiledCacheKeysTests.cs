using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WorkflowRules.Conditions.CompiledCache;
using WorkflowRules.Conditions.Compilation;
using WorkflowRules.Conditions.Tests.Unloading;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;

namespace WorkflowRules.Conditions.Tests.CompiledCache;

public sealed class CompiledCacheKeysTests
{
    private const string Code = "Record.Amount > 1000m";

    private readonly CompiledCacheKeys _keys = new();

    [Fact]
    public void Of_IsStable_ForSameTextAndRecordType()
    {
        Assert.Equal(_keys.Of(Code, typeof(PurchaseDocument)), new CompiledCacheKeys().Of(Code, typeof(PurchaseDocument)));
    }

    [Fact]
    public void Of_Differs_WhenTextOrRecordTypeDiffers()
    {
        var key = _keys.Of(Code, typeof(PurchaseDocument));

        Assert.NotEqual(key, _keys.Of(Code + " ", typeof(PurchaseDocument)));
        Assert.NotEqual(key, _keys.Of(Code, typeof(Customer)));
    }

    [Fact]
    public void Of_IsSame_WhenSamePluginFileIsLoadedInAnotherContext()
    {
        var plugin = TestPluginLoadContext.Load(typeof(PurchaseDocument).Assembly.Location);
        try
        {
            var copy = plugin.Assemblies.Single().GetType(typeof(PurchaseDocument).FullName!, throwOnError: true)!;

            Assert.NotEqual(typeof(PurchaseDocument), copy);
            Assert.Equal(_keys.Of(Code, typeof(PurchaseDocument)), _keys.Of(Code, copy));
        }
        finally
        {
            plugin.Unload();
        }
    }

    [Fact]
    public void Of_Differs_WhenRecordAssemblyIsAnotherBuildWithSameNames()
    {
        var (first, firstContext) = LoadRecordType("public sealed class Order { public decimal Amount { get; set; } }");
        var (second, secondContext) = LoadRecordType("public sealed class Order { public decimal Amount { get; set; } public string? Note { get; set; } }");
        try
        {
            Assert.Equal(first.AssemblyQualifiedName, second.AssemblyQualifiedName);
            Assert.NotEqual(_keys.Of(Code, first), _keys.Of(Code, second));
        }
        finally
        {
            firstContext.Unload();
            secondContext.Unload();
        }
    }

    [Fact]
    public void Of_Differs_WhenWrapperRevisionDiffers()
    {
        var current = _keys.Of(Code, typeof(PurchaseDocument));

        Assert.Equal(current, new CompiledCacheKeys(ConditionWrapper.Revision).Of(Code, typeof(PurchaseDocument)));
        Assert.NotEqual(current, new CompiledCacheKeys("1").Of(Code, typeof(PurchaseDocument)));
    }

    [Fact]
    public void OfBatch_DependsOnOrder()
    {
        var a = _keys.Of("true", typeof(PurchaseDocument));
        var b = _keys.Of("false", typeof(PurchaseDocument));

        Assert.NotEqual(CompiledCacheKeys.OfBatch([a, b]), CompiledCacheKeys.OfBatch([b, a]));
    }

    /// <summary>Two builds of "the same" plugin: same assembly and type names, different content.</summary>
    private static (Type RecordType, AssemblyLoadContext Context) LoadRecordType(string source)
    {
        var compilation = CSharpCompilation.Create(
            "KeysTestPlugin",
            [CSharpSyntaxTree.ParseText("namespace KeysTest { " + source + " }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        image.Position = 0;
        var context = new AssemblyLoadContext("keys-test", isCollectible: true);
        return (context.LoadFromStream(image).GetType("KeysTest.Order", throwOnError: true)!, context);
    }
}
