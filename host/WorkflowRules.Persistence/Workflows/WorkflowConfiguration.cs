using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowRules.Persistence.Workflows;

internal sealed class WorkflowConfiguration : IEntityTypeConfiguration<Workflow>
{
    public void Configure(EntityTypeBuilder<Workflow> builder)
    {
        builder.ToTable("workflows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasIndex(w => w.Code).IsUnique();

        // Matching looks up enabled workflows by the event that starts them.
        builder.HasIndex(w => w.EntryEvent).HasFilter("enabled");

        builder.Property(w => w.RowVersion).IsRowVersion();

        builder.HasMany(w => w.Versions)
            .WithOne()
            .HasForeignKey(v => v.WorkflowId)
            .OnDelete(DeleteBehavior.Cascade);

        // Versions are never deleted while a workflow points at one.
        builder.HasOne(w => w.CurrentVersion)
            .WithMany()
            .HasForeignKey(w => w.CurrentVersionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.DraftVersion)
            .WithMany()
            .HasForeignKey(w => w.DraftVersionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
