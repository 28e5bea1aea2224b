using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Sdk.Conditions;
using static WorkflowRules.Conditions.Tests.ChangeRules.ChangeRecords;
using static WorkflowRules.Conditions.Tests.Support.Records;

namespace WorkflowRules.Conditions.Tests.ChangeRules;

public sealed class FieldChangeRuleEvaluatorTests
{
    private readonly FieldChangeRuleEvaluator _evaluator = new();

    /// <summary>Field, change, previous version, current version, whether the rule holds.</summary>
    public static TheoryData<string, FieldChange, Account, Account, bool> Cases => new()
    {
        // int
        { "Count", FieldChange.Increased, Base, Base with { Count = 2 }, true },
        { "Count", FieldChange.Increased, Base with { Count = 2 }, Base, false },
        { "Count", FieldChange.Increased, Base, Base, false },
        { "Count", FieldChange.Decreased, Base with { Count = 2 }, Base, true },
        { "Count", FieldChange.Decreased, Base, Base with { Count = 2 }, false },
        { "Count", FieldChange.Changed, Base, Base with { Count = 2 }, true },
        { "Count", FieldChange.Changed, Base, Base, false },
        // decimal: equal values are equal whatever their scale
        { "Limit", FieldChange.Increased, Base, Base with { Limit = 1500m }, true },
        { "Limit", FieldChange.Decreased, Base, Base with { Limit = 999.99m }, true },
        { "Limit", FieldChange.Changed, Base, Base with { Limit = 1000.00m }, false },
        // decimal?: a value appearing is a change but neither an increase nor a decrease
        { "Discount", FieldChange.Changed, Base, Base with { Discount = 5m }, true },
        { "Discount", FieldChange.Changed, Base with { Discount = 5m }, Base, true },
        { "Discount", FieldChange.Changed, Base, Base, false },
        { "Discount", FieldChange.Increased, Base, Base with { Discount = 5m }, false },
        { "Discount", FieldChange.Decreased, Base with { Discount = 5m }, Base, false },
        { "Discount", FieldChange.Decreased, Base with { Discount = 5m }, Base with { Discount = 3m }, true },
        { "Discount", FieldChange.Increased, Base with { Discount = 5m }, Base with { Discount = 3m }, false },
        // dates, times, durations
        { "DueDate", FieldChange.Increased, Base, Base with { DueDate = Base.DueDate.AddDays(1) }, true },
        { "DueDate", FieldChange.Decreased, Base, Base with { DueDate = Base.DueDate.AddDays(1) }, false },
        { "Day", FieldChange.Decreased, Base, Base with { Day = Base.Day.AddDays(-1) }, true },
        { "At", FieldChange.Changed, Base, Base with { At = Base.At.ToOffset(TimeSpan.FromHours(2)) }, false },
        { "At", FieldChange.Increased, Base, Base with { At = Base.At.AddMinutes(1) }, true },
        { "Time", FieldChange.Increased, Base, Base with { Time = new TimeOnly(10, 0) }, true },
        { "Grace", FieldChange.Decreased, Base, Base with { Grace = TimeSpan.FromDays(1) }, true },
        // enums compare by their values
        { "Priority", FieldChange.Increased, Base, Base with { Priority = Priority.High }, true },
        { "Priority", FieldChange.Decreased, Base, Base with { Priority = Priority.High }, false },
        { "Priority", FieldChange.Decreased, Base, Base with { Priority = Priority.Low }, true },
        { "Priority", FieldChange.Changed, Base, Base with { Priority = Priority.Low }, true },
        // text and yes/no change
        { "Name", FieldChange.Changed, Base, Base with { Name = "Fabrikam" }, true },
        { "Name", FieldChange.Changed, Base, Base with { Name = new string("Adatum".AsSpan()) }, false },
        { "Name", FieldChange.Changed, Base with { Name = null }, Base, true },
        { "Name", FieldChange.Changed, Base with { Name = null }, Base with { Name = null }, false },
        { "Blocked", FieldChange.Changed, Base, Base with { Blocked = true }, true },
        // dotted paths; a null object on the way makes the value null
        { "Address.City", FieldChange.Changed, Base, Base with { Address = new Address("Bergen", "5003") }, true },
        { "Address.City", FieldChange.Changed, Base, Base with { Address = new Address("Oslo", "0151") }, false },
        { "Address.City", FieldChange.Changed, Base with { Address = null }, Base, true },
        { "Address.City", FieldChange.Changed, Base, Base with { Address = null }, true },
        { "Address.City", FieldChange.Changed, Base with { Address = null }, Base with { Address = null }, false },
        { "Address.City", FieldChange.Changed, Base with { Address = new Address(null, "0150") }, Base with { Address = null }, false },
        { " Address . City ", FieldChange.Changed, Base, Base with { Address = new Address("Bergen", "5003") }, true },
        { "Contact.Address.City", FieldChange.Changed, Base, Base with { Contact = new Contact { Address = new Address("Bergen", null) } }, true },
        { "Contact.Address.City", FieldChange.Changed, Base, Base with { Contact = new Contact { Address = new Address("Oslo", null) } }, false },
        // through a struct, a nullable struct and a collection
        { "Price.Amount", FieldChange.Increased, Base, Base with { Price = new Money(12m, "EUR") }, true },
        { "Deposit.Amount", FieldChange.Increased, Base with { Deposit = new Money(1m, "EUR") }, Base with { Deposit = new Money(2m, "EUR") }, true },
        { "Deposit.Amount", FieldChange.Increased, Base, Base with { Deposit = new Money(2m, "EUR") }, false },
        { "Deposit.Amount", FieldChange.Changed, Base, Base with { Deposit = new Money(2m, "EUR") }, true },
        { "Tags.Count", FieldChange.Increased, Base, Base with { Tags = ["a", "b"] }, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Holds_ComparesWithPrevious_ForEachKindOfField(string field, FieldChange change, Account previous, Account current, bool expected)
    {
        Assert.Equal(expected, _evaluator.Holds(new FieldChangeRule(field, change), current, previous));
    }

    [Theory]
    [InlineData(FieldChange.Changed)]
    [InlineData(FieldChange.Increased)]
    [InlineData(FieldChange.Decreased)]
    public void Holds_IsFalse_WhenThereIsNoPrevious(FieldChange change)
    {
        Assert.False(_evaluator.Holds(new FieldChangeRule("Count", change), Base with { Count = 5 }, previous: null));
    }

    [Fact]
    public void Holds_AnswersCreditLimitExample_WhenGivenRealCustomers()
    {
        var rule = new FieldChangeRule("CreditLimit", FieldChange.Increased);

        Assert.True(_evaluator.Holds(rule, Customer(5000m), Customer(4000m)));
        Assert.False(_evaluator.Holds(rule, Customer(4000m), Customer(5000m)));
    }

    [Theory]
    [InlineData("Limt", FieldChange.Changed, "Account has no field 'Limt'")]
    [InlineData("", FieldChange.Changed, "must name a field of Account")]
    [InlineData("Name", FieldChange.Increased, "'Name' of Account is text (string)")]
    [InlineData("Count", (FieldChange)7, "change 7")]
    public void Holds_ThrowsWhatValidateSays_WhenRuleDoesNotFitTheRecord(string field, FieldChange change, string message)
    {
        var rule = new FieldChangeRule(field, change);

        var thrown = Assert.Throws<ArgumentException>(() => _evaluator.Holds(rule, Base, Base));

        Assert.Contains(message, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_Throws_WhenPreviousIsAnotherKindOfRecord()
    {
        var thrown = Assert.Throws<ArgumentException>(() => _evaluator.Holds(new FieldChangeRule("Count", FieldChange.Changed), Base, Customer(1m)));

        Assert.Equal("previous", thrown.ParamName);
    }

    [Theory]
    [InlineData("Limit", FieldChange.Increased)]
    [InlineData("Discount", FieldChange.Decreased)]
    [InlineData("Priority", FieldChange.Increased)]
    [InlineData("At", FieldChange.Changed)]
    [InlineData("Address.City", FieldChange.Changed)]
    [InlineData("Contact.Address.City", FieldChange.Changed)]
    [InlineData("Tags.Count", FieldChange.Increased)]
    public void Holds_AllocatesNothing_WhenCalledRepeatedly(string field, FieldChange change)
    {
        var rule = new FieldChangeRule(field, change);
        var previous = Base with { Discount = 5m, Deposit = new Money(1m, "EUR") };
        var current = previous with
        {
            Limit = 2000m, Discount = 3m, Priority = Priority.High, At = Base.At.AddDays(1), Address = new Address("Bergen", null),
            Contact = new Contact { Address = new Address("Bergen", null) }, Tags = ["a", "b"],
        };
        Assert.True(_evaluator.Holds(rule, current, previous));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var held = 0;
        for (var i = 0; i < 10_000; i++)
        {
            held += _evaluator.Holds(rule, current, previous) ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10_000, held);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("CreditLimit", FieldChange.Increased, "Credit Limit is increased")]
    [InlineData("Amount", FieldChange.Decreased, "Amount is decreased")]
    [InlineData("Status", FieldChange.Changed, "Status has changed")]
    [InlineData("Address.City", FieldChange.Changed, "Address › City has changed")]
    [InlineData("VATAmount", FieldChange.Increased, "VAT Amount is increased")]
    [InlineData("Line2Amount", FieldChange.Increased, "Line 2 Amount is increased")]
    [InlineData("due_date", FieldChange.Increased, "due date is increased")]
    [InlineData(" ", FieldChange.Changed, "(no field) has changed")]
    public void Describe_PutsRuleInWords(string field, FieldChange change, string expected)
    {
        Assert.Equal(expected, FieldChangeRuleEvaluator.Describe(new FieldChangeRule(field, change)));
    }
}
