namespace WorkflowRules.Persistence.Workflows;

/// <summary>
/// The one row that changes whenever any workflow row does (a statement trigger bumps it in the writer's
/// transaction), so a process holding enabled workflows in memory can tell with one primary-key read whether its
/// copy is still current — including after writes by another host or by hand in SQL. Intake skips even that read:
/// it stores the stamp it decided against with the event, and a trigger refuses the insert when the stamp has moved
/// (<see cref="CatalogStampGuard"/>).
/// </summary>
public sealed class WorkflowCatalogStamp
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
