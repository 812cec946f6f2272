using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Persons;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("persons");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.FileCode).HasMaxLength(20);
        builder.Property(p => p.FullName).HasMaxLength(100);
        builder.Property(p => p.SearchName).HasMaxLength(100);
        builder.Property(p => p.NameKey).HasMaxLength(100);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
        builder.Property(p => p.CitizenIdProtected).HasMaxLength(200);
        builder.Property(p => p.CitizenIdIndex).HasMaxLength(64);
        builder.Property(p => p.CitizenIdOverrideReason).HasMaxLength(500);
        builder.Property(p => p.LegacyIdProtected).HasMaxLength(200);
        builder.Property(p => p.LegacyIdIndex).HasMaxLength(64);
        builder.Property(p => p.PhoneProtected).HasMaxLength(200);
        builder.Property(p => p.GuardianPhoneProtected).HasMaxLength(200);
        builder.Property(p => p.Ethnicity).HasMaxLength(50);
        builder.Property(p => p.Occupation).HasMaxLength(100);
        builder.Property(p => p.Education).HasMaxLength(100);
        builder.Property(p => p.MaritalStatus).HasMaxLength(50);
        builder.Property(p => p.GuardianName).HasMaxLength(100);
        builder.Property(p => p.GuardianRelation).HasMaxLength(50);
        builder.Property(p => p.Substances).HasMaxLength(200);
        builder.Property(p => p.ProvinceCode).HasMaxLength(2);
        builder.Property(p => p.CommuneCode).HasMaxLength(5);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.OwnsOne(p => p.Permanent, r => Residence(r, "permanent"));
        builder.OwnsOne(p => p.Temporary, r => Residence(r, "temporary"));
        builder.OwnsOne(p => p.Current, r => Residence(r, "current"));
        builder.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(p => p.FileCode).IsUnique();
        // One person per citizen ID nationally (checked across scopes); the index holds a keyed hash, not the number.
        builder.HasIndex(p => p.CitizenIdIndex).IsUnique();
        builder.HasIndex(p => p.LegacyIdIndex);
        builder.HasIndex(p => new { p.ProvinceCode, p.CommuneCode });
        // Search and lists: a province's people in name order from one index range, with what the scope and merge filters read
        // (an index-only scan: 3 ms for a fragment matching 3,564 of 12,596 people, against 56 ms through the trigram index).
        builder.HasIndex(p => new { p.ProvinceCode, p.SearchName, p.Id }).IncludeProperties(p => new { p.CommuneCode, p.MergedIntoId });
        builder.Property(p => p.Status).HasMaxLength(40);
        builder.HasIndex(p => new { p.Status, p.ProvinceCode, p.CommuneCode });
        // The national classification joins every listed person's status (issue 19, second pass): read from this index
        // (11 MB) instead of the table (110 MB).
        builder.HasIndex(p => new { p.Id, p.Status });
        builder.HasIndex(p => new { p.BirthYear, p.Sex });
        builder.HasIndex(p => p.SearchName);
        builder.HasIndex(p => new { p.NameKey, p.BirthYear });
        builder.HasIndex(p => p.MergedIntoId);
    }

    private static void Residence(OwnedNavigationBuilder<Person, Residence> residence, string prefix)
    {
        residence.Property(r => r.CommuneCode).HasColumnName($"{prefix}_commune_code").HasMaxLength(5);
        residence.Property(r => r.Address).HasColumnName($"{prefix}_address").HasMaxLength(200);
    }
}

public sealed class PersonAliasConfiguration : IEntityTypeConfiguration<PersonAlias>
{
    public void Configure(EntityTypeBuilder<PersonAlias> builder)
    {
        builder.ToTable("person_aliases");
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.SearchName).HasMaxLength(100);
        builder.Property(a => a.NameKey).HasMaxLength(100);
        builder.HasIndex(a => a.SearchName);
        builder.HasIndex(a => a.NameKey);
    }
}
