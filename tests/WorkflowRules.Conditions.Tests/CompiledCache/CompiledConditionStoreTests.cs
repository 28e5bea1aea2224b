using Microsoft.Extensions.Logging.Abstractions;
using WorkflowRules.Conditions.CompiledCache;

namespace WorkflowRules.Conditions.Tests.CompiledCache;

public sealed class CompiledConditionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("conditions-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Prune_DeletesOnlyEntriesUnusedForRetention_AndAbandonedTemporaryFiles()
    {
        var oldPointer = File("old.cond", Now.AddDays(-31));
        var oldImage = File("old.dll", Now.AddDays(-31));
        var recentPointer = File("recent.cond", Now.AddDays(-29));
        var abandoned = File("x.dll.1234.tmp", Now.AddHours(-2));
        var inFlight = File("y.dll.5678.tmp", Now.AddMinutes(-1));
        var foreign = File("readme.txt", Now.AddDays(-400));
        var store = new CompiledConditionStore(_directory, new FixedClock(Now), NullLogger<CompiledConditionStore>.Instance);

        var deleted = store.Prune(TimeSpan.FromDays(30));

        Assert.Equal(3, deleted);
        Assert.False(System.IO.File.Exists(oldPointer));
        Assert.False(System.IO.File.Exists(oldImage));
        Assert.False(System.IO.File.Exists(abandoned));
        Assert.True(System.IO.File.Exists(recentPointer));
        Assert.True(System.IO.File.Exists(inFlight));
        Assert.True(System.IO.File.Exists(foreign));
    }

    [Fact]
    public void Prune_DoesNothing_WhenFolderDoesNotExist()
    {
        var store = new CompiledConditionStore(Path.Combine(_directory, "missing"), new FixedClock(Now), NullLogger<CompiledConditionStore>.Instance);

        Assert.Equal(0, store.Prune(TimeSpan.FromDays(1)));
    }

    private string File(string name, DateTimeOffset lastWrite)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, "x");
        System.IO.File.SetLastWriteTimeUtc(path, lastWrite.UtcDateTime);
        return path;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
