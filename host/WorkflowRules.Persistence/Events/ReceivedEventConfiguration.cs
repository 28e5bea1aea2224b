using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Persistence.Events;

internal sealed class ReceivedEventConfiguration : IEntityTypeConfiguration<ReceivedEvent>
{
    public void Configure(EntityTypeBuilder<ReceivedEvent> builder)
    {
        builder.ToTable("received_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RecordJson).HasColumnType("jsonb");
        builder.Property(e => e.PreviousRecordJson).HasColumnType("jsonb");

        // NULLs never collide in a PostgreSQL unique index, so events without a key are not constrained.
        builder.HasIndex(e => e.IdempotencyKey).IsUnique();

        // An instance's run picks up the events queued behind it.
        builder.HasIndex(e => e.QueuedForInstanceId).HasFilter($"status = '{nameof(ReceivedEventStatus.Pending)}'");

        // The audit trail outlives instances deleted from the archive.
        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(e => e.RaisedByInstanceId)
            .OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(e => e.QueuedForInstanceId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
