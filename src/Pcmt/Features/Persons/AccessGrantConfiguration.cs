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
