using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Persistence.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();

        // The dispatcher scans only what is still to hand over, oldest first.
        builder.HasIndex(m => m.Id).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");

        builder.HasOne<WorkflowInstance>()
            .WithMany()
            .HasForeignKey(m => m.InstanceId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
