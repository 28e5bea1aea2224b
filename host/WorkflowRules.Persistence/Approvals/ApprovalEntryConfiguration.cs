using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Persistence.Approvals;

internal sealed class ApprovalEntryConfiguration : IEntityTypeConfiguration<ApprovalEntry>
{
    public void Configure(EntityTypeBuilder<ApprovalEntry> builder)
    {
        builder.ToTable("approval_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RowVersion).IsRowVersion();

        // Conditions count a record's entries by status.
        builder.HasIndex(e => new { e.RecordType, e.RecordKey, e.Status });

        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(e => e.InstanceId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
