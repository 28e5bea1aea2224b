using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowRules.Persistence.Instances;

internal sealed class InstanceStepConfiguration : IEntityTypeConfiguration<InstanceStep>
{
    public void Configure(EntityTypeBuilder<InstanceStep> builder)
    {
        builder.ToTable("instance_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.InstanceId, s.StepId }).IsUnique();
    }
}
