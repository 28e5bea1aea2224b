using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowRules.Persistence.Workflows;

internal sealed class WorkflowCatalogStampConfiguration : IEntityTypeConfiguration<WorkflowCatalogStamp>
{
    public void Configure(EntityTypeBuilder<WorkflowCatalogStamp> builder)
    {
        builder.ToTable("workflow_catalog_stamp", t => t.HasCheckConstraint("ck_workflow_catalog_stamp_singleton", "id = 1"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new WorkflowCatalogStamp { Id = WorkflowCatalogStamp.SingletonId, Value = 0 });
    }
}
