using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Infrastructure.Auditing;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityKey).HasMaxLength(128);
        builder.Property(e => e.Detail); // unbounded: a list view records every person it showed
        builder.Property(e => e.Purpose).HasMaxLength(500);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.PersonId, e.At });
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
    }
}
