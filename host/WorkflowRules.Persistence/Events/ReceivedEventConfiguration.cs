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

        // An instance's chain picks up the events it raised that still wait.
        builder.HasIndex(e => e.RaisedByInstanceId).HasFilter($"status = '{nameof(ReceivedEventStatus.Pending)}'");

        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(e => e.RaisedByInstanceId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
