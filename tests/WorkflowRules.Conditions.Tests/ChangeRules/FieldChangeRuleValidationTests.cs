using WorkflowRules.Conditions.ChangeRules;
using WorkflowRules.Customers.Customers;
using WorkflowRules.Purchasing.Documents;
using WorkflowRules.Sdk.Conditions;
using static WorkflowRules.Conditions.Tests.ChangeRules.ChangeRecords;

namespace WorkflowRules.Conditions.Tests.ChangeRules;

public sealed class FieldChangeRuleValidationTests
{
    private const string AccountFields =
        "Fields of Account: Count, Limit, Discount, DueDate, Day, At, Time, Grace, Priority, Name, Blocked, Id, Address, Price, Deposit, Tags, Contact.";

    private readonly FieldChangeRuleEvaluator _evaluator = new();

    public static TheoryData<string, FieldChange> Valid => new()
    {
        { "Count", FieldChange.Increased },
        { "Limit", FieldChange.Decreased },
        { "Discount", FieldChange.Increased },
        { "DueDate", FieldChange.Increased },
        { "Day", FieldChange.Decreased },
        { "At", FieldChange.Increased },
        { "Time", FieldChange.Increased },
        { "Grace", FieldChange.Decreased },
        { "Priority", FieldChange.Increased },
        { "Name", FieldChange.Changed },
        { "Blocked", FieldChange.Changed },
        { "Id", FieldChange.Changed },
        { "Address", FieldChange.Changed },
        { "Price", FieldChange.Changed },
        { "Address.City", FieldChange.Changed },
        { "Contact.Address.City", FieldChange.Changed },
        { "Price.Amount", FieldChange.Increased },
        { "Deposit.Amount", FieldChange.Decreased },
        { "Tags.Count", FieldChange.Increased },
        { "DueDate.Year", FieldChange.Increased },
    };

    /// <summary>Field, change, the whole message.</summary>
    public static TheoryData<string, FieldChange, string> Refused => new()
    {
        { "", FieldChange.Changed, "A field-change rule must name a field of Account. " + AccountFields },
        { "  ", FieldChange.Increased, "A field-change rule must name a field of Account. " + AccountFields },
        { "Limt", FieldChange.Increased, "Account has no field 'Limt'. " + AccountFields },
        { "due date", FieldChange.Increased, "Account has no field 'due date' (did you mean 'DueDate'?). " + AccountFields },
        { "Shared", FieldChange.Changed, "Account has no field 'Shared'. " + AccountFields },
        { "WriteOnly", FieldChange.Changed, "Account has no field 'WriteOnly'. " + AccountFields },
        {
            "Address.Town", FieldChange.Changed,
            "'Address.Town' is not a field of Account: Address (Address) has no field 'Town'. Fields of Address: City, PostCode."
        },
        {
            "Contact.Address.city", FieldChange.Changed,
            "'Contact.Address.city' is not a field of Account: Contact.Address (Address) has no field 'city' (did you mean 'City'?). Fields of Address: City, PostCode."
        },
        { "Blocked.Value", FieldChange.Changed, "'Blocked.Value' is not a field of Account: Blocked is a bool, which has no fields." },
        { "Address.", FieldChange.Changed, "'Address.' is not a field of Account: write a field name between every two dots, as in Address.City." },
        { "Address..City", FieldChange.Changed, "'Address..City' is not a field of Account: write a field name between every two dots, as in Address.City." },
        {
            "Name", FieldChange.Increased,
            "'Name' of Account is text (string): it can change, but it cannot be increased. Use Changed, or choose a field holding a number, date, time, duration or enum."
        },
        {
            "Blocked", FieldChange.Decreased,
            "'Blocked' of Account is yes/no (bool): it can change, but it cannot be decreased. Use Changed, or choose a field holding a number, date, time, duration or enum."
        },
        {
            "Id", FieldChange.Increased,
            "'Id' of Account is an identifier (Guid): it can change, but it cannot be increased. Use Changed, or choose a field holding a number, date, time, duration or enum."
        },
        {
            "Address", FieldChange.Increased,
            "'Address' of Account is an Address, which has no order: it can change, but it cannot be increased. Use Changed, or choose a field holding a number, date, time, duration or enum."
        },
        {
            "Tags", FieldChange.Changed,
            "'Tags' of Account is a collection (List<string>): compared as a whole, every new copy of the record would count as a change. Compare something of it instead, such as Tags.Count."
        },
        {
            "Contact", FieldChange.Changed,
            "'Contact' of Account is an object (Contact) compared by identity: every new copy of the record would count as a change. Name one of its fields instead, such as Contact.Name."
        },
        { "Count", (FieldChange)7, "The rule on 'Count' of Account asks for change 7, which is none of Changed, Increased or Decreased." },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Validate_ReturnsNull_WhenRuleFitsTheRecord(string field, FieldChange change)
    {
        Assert.Null(_evaluator.Validate(new FieldChangeRule(field, change), typeof(Account), eventCarriesPreviousRecord: true));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Validate_SaysWhyNot_WhenRuleDoesNotFitTheRecord(string field, FieldChange change, string message)
    {
        Assert.Equal(message, _evaluator.Validate(new FieldChangeRule(field, change), typeof(Account), eventCarriesPreviousRecord: true));
    }

    [Fact]
    public void Validate_ReturnsNull_WhenCreditLimitIncreaseIsCheckedOnCustomerChange()
    {
        Assert.Null(_evaluator.Validate(new FieldChangeRule("CreditLimit", FieldChange.Increased), typeof(Customer), eventCarriesPreviousRecord: true));
    }

    [Fact]
    public void Validate_ListsTheRecordsFields_WhenFieldIsUnknown()
    {
        var message = _evaluator.Validate(new FieldChangeRule("CreditLimt", FieldChange.Increased), typeof(Customer), eventCarriesPreviousRecord: true);

        Assert.Equal("Customer has no field 'CreditLimt'. Fields of Customer: No, Name, CreditLimit, Blocked.", message);
    }

    [Fact]
    public void Validate_SaysRuleCanNeverHold_WhenEventDoesNotCarryPreviousRecord()
    {
        var message = _evaluator.Validate(new FieldChangeRule("CreditLimit", FieldChange.Increased), typeof(Customer), eventCarriesPreviousRecord: false);

        Assert.Equal(
            "The rule 'Credit Limit is increased' can never hold: this event does not carry the previous Customer, so there is nothing to " +
            "compare CreditLimit with. Use the rule on an event that sends the previous version of the record (a change event), or compare " +
            "current values in a C# condition.",
            message);
    }

    [Fact]
    public void Validate_SuggestsCount_WhenDocumentLinesAreComparedAsAWhole()
    {
        var message = _evaluator.Validate(new FieldChangeRule("Lines", FieldChange.Changed), typeof(PurchaseDocument), eventCarriesPreviousRecord: true);

        Assert.NotNull(message);
        Assert.Contains("(IReadOnlyList<PurchaseLine>)", message, StringComparison.Ordinal);
        Assert.Contains("such as Lines.Count", message, StringComparison.Ordinal);
        Assert.Null(_evaluator.Validate(new FieldChangeRule("Lines.Count", FieldChange.Increased), typeof(PurchaseDocument), eventCarriesPreviousRecord: true));
    }
}
