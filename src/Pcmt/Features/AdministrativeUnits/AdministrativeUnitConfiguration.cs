using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.AdministrativeUnits;

public sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> builder)
    {
        builder.ToTable("administrative_units");
        builder.Property(u => u.Code).HasMaxLength(5);
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.SearchName).HasMaxLength(100);
        builder.Property(u => u.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.ProvinceCode).HasMaxLength(2);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);

        // One unit in force per code and level; legacy versions of a code may coexist.
        builder.HasIndex(u => new { u.Level, u.Code }).IsUnique().HasFilter("valid_to IS NULL");
        builder.HasIndex(u => u.Code);
        builder.HasIndex(u => new { u.ProvinceCode, u.Level });
    }
}

public sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> builder)
    {
        builder.ToTable("unit_successions");
        builder.HasOne(s => s.Predecessor).WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PredecessorId, s.SuccessorId }).IsUnique();
        builder.HasIndex(s => s.SuccessorId);
    }
}

public sealed class CommunePopulationConfiguration : IEntityTypeConfiguration<CommunePopulation>
{
    public void Configure(EntityTypeBuilder<CommunePopulation> builder)
    {
        builder.ToTable("commune_populations");
        builder.Property(p => p.ProvinceCode).HasMaxLength(2);
        builder.Property(p => p.CommuneCode).HasMaxLength(5);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.UnitId, p.Year }).IsUnique();
        builder.HasIndex(p => new { p.ProvinceCode, p.Year });
    }
}
