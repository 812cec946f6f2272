using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Users;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.FullName).HasMaxLength(100);
        builder.Property(u => u.Role).HasMaxLength(32);
        builder.Property(u => u.ScopeKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.ScopeCode).HasMaxLength(64);
        builder.Property(u => u.ProvinceCode).HasMaxLength(2);
        builder.Property(u => u.CommuneCode).HasMaxLength(5);
    }
}
