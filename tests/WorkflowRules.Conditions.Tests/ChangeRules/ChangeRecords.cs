namespace WorkflowRules.Conditions.Tests.ChangeRules;

/// <summary>A record type with one field of every kind a change rule meets, and the types it reaches.</summary>
public static class ChangeRecords
{
    public enum Priority
    {
        Low,
        Normal,
        High,
    }

    public static Account Base { get; } = new()
    {
        Count = 1,
        Limit = 1000m,
        DueDate = new DateTime(2025, 3, 14, 0, 0, 0, DateTimeKind.Utc),
        Day = new DateOnly(2025, 3, 14),
        At = new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero),
        Time = new TimeOnly(9, 30),
        Grace = TimeSpan.FromDays(3),
        Priority = Priority.Normal,
        Name = "Adatum",
        Id = new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        Address = new Address("Oslo", "0150"),
        Price = new Money(10m, "EUR"),
        Tags = ["a"],
        Contact = new Contact { Name = "Ann", Address = new Address("Oslo", "0150") },
    };

    public sealed record Account
    {
        public int Count { get; init; }

        public decimal Limit { get; init; }

        public decimal? Discount { get; init; }

        public DateTime DueDate { get; init; }

        public DateOnly Day { get; init; }

        public DateTimeOffset At { get; init; }

        public TimeOnly Time { get; init; }

        public TimeSpan Grace { get; init; }

        public Priority Priority { get; init; }

        public string? Name { get; init; }

        public bool Blocked { get; init; }

        public Guid Id { get; init; }

        public Address? Address { get; init; }

        public Money Price { get; init; }

        public Money? Deposit { get; init; }

        public List<string> Tags { get; init; } = [];

        /// <summary>A class without Equals: compared by identity.</summary>
        public Contact? Contact { get; init; }

        public int this[int index] => index;

        public static int Shared => 0;

        public string WriteOnly
        {
            set => Tags.Add(value);
        }
    }

    public sealed record Address(string? City, string? PostCode);

    public readonly record struct Money(decimal Amount, string Currency);

    public sealed class Contact
    {
        public string? Name { get; init; }

        public Address? Address { get; init; }
    }
}
