using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Persons;

public sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> builder)
    {
        builder.ToTable("access_grants");
        builder.Property(g => g.UserName).HasMaxLength(256);
        builder.Property(g => g.Reason).HasMaxLength(500);
        builder.Property(g => g.ReviewedBy).HasMaxLength(256);
        builder.HasIndex(g => new { g.UserId, g.PersonId, g.ExpiresAt });
        builder.HasIndex(g => g.ReviewedAt);
    }
}

public sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("transfers");
        builder.Ignore(t => t.IsPending);
        builder.Property(t => t.FromProvinceCode).HasMaxLength(2);
        builder.Property(t => t.ToProvinceCode).HasMaxLength(2);
        builder.Property(t => t.FromCommuneCode).HasMaxLength(5);
        builder.Property(t => t.ToCommuneCode).HasMaxLength(5);
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.Property(t => t.RequestedBy).HasMaxLength(256);
        builder.Property(t => t.AcceptedBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.PersonId, t.AcceptedAt });
        builder.HasIndex(t => new { t.ToProvinceCode, t.ToCommuneCode, t.AcceptedAt });
        builder.HasIndex(t => new { t.FromProvinceCode, t.FromCommuneCode, t.AcceptedAt });
    }
}

public sealed class ImportRejectConfiguration : IEntityTypeConfiguration<ImportReject>
{
    public void Configure(EntityTypeBuilder<ImportReject> builder)
    {
        builder.ToTable("import_rejects");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
    }
}

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs");
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.UserName).HasMaxLength(256);
        builder.Property(j => j.Role).HasMaxLength(32);
        builder.Property(j => j.ScopeKind).HasMaxLength(16);
        builder.Property(j => j.ScopeCode).HasMaxLength(64);
        builder.Property(j => j.ProvinceCode).HasMaxLength(2);
        builder.Property(j => j.CommuneCode).HasMaxLength(5);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.DefaultCommuneCode).HasMaxLength(5);
        builder.Property(j => j.Status).HasMaxLength(16);
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.UserId, j.CreatedAt });
    }
}

public sealed class DuplicateReviewConfiguration : IEntityTypeConfiguration<DuplicateReview>
{
    public void Configure(EntityTypeBuilder<DuplicateReview> builder)
    {
        builder.ToTable("duplicate_reviews");
        builder.Property(d => d.Reasons).HasMaxLength(500);
        builder.Property(d => d.ProvinceCode).HasMaxLength(2);
        builder.Property(d => d.CommuneCode).HasMaxLength(5);
        builder.Property(d => d.Outcome).HasMaxLength(50);
        builder.HasIndex(d => new { d.ProvinceCode, d.CommuneCode, d.Outcome });
        builder.HasIndex(d => d.PersonId);
    }
}
