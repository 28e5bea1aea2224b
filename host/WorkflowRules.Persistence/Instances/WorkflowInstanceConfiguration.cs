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

        builder.Property(i => i.OriginalRecordJson).HasColumnType("jsonb");

        // Matching finds the live instances of one record; the archive is listed by time.
        builder.HasIndex(i => new { i.RecordType, i.RecordKey }).HasFilter("archived_at IS NULL");
        builder.HasIndex(i => i.ArchivedAt).HasFilter("archived_at IS NOT NULL");

        builder.HasMany(i => i.Steps)
            .WithOne()
            .HasForeignKey(s => s.InstanceId)
            .OnDelete(DeleteBehavior.Cascade);

        // An instance stays pinned to the version it started on; deleting a workflow (refused while it has live
        // instances) leaves its archived instances with their code and version number.
        builder.HasOne<WorkflowVersion>()
            .WithMany()
            .HasForeignKey(i => i.WorkflowVersionId)
            .OnDelete(DeleteBehavior.SetNull);

        builder.HasOne<ReceivedEvent>()
            .WithMany()
            .HasForeignKey(i => i.TriggeringEventId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
