using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowRules.Persistence.Access;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.HasIndex(k => k.Prefix).IsUnique();

        // Stored as text[]; a key has a handful of roles.
        builder.Property(k => k.Roles).HasColumnType("text[]");
    }
}
