using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Persistence.Instances;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("workflow_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.RecordJson).HasColumnType("jsonb");
        builder.Property(i => i.PreviousRecordJson).HasColumnType("jsonb");
        builder.Property(i => i.RowVersion).IsRowVersion();

        // Matching finds the running instances of one record.
        builder.HasIndex(i => new { i.RecordType, i.RecordKey });

        builder.HasMany(i => i.Steps)
            .WithOne()
            .HasForeignKey(s => s.InstanceId)
            .OnDelete(DeleteBehavior.Cascade);

        // An instance stays pinned to the version it started on, so that version cannot go away.
        builder.HasOne<WorkflowVersion>()
            .WithMany()
            .HasForeignKey(i => i.WorkflowVersionId)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasOne<ReceivedEvent>()
            .WithMany()
            .HasForeignKey(i => i.TriggeringEventId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
