using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Lifecycle;

/// <summary>Bản ghi hồ sơ pháp lý: one recorded fact (<see cref="CaseEvent"/>) of a person's file, stored as JSON with its kind and moment.</summary>
public sealed class CaseRecord : IPersonRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Recording order, for facts with the same moment.</summary>
    public long Sequence { get; set; }

    public Guid PersonId { get; set; }

    public string Kind { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public string Payload { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    /// <summary>The scope (commune, province or facility code) of the recording user: the unit that may void the fact.</summary>
    public string? RecordedScope { get; set; }

    /// <summary>Hủy bản ghi: set when the fact was voided; it stays in the history and the fold skips it.</summary>
    public DateTime? VoidedAt { get; set; }

    public string? VoidedBy { get; set; }

    public string? VoidReason { get; set; }

    public bool Voided => VoidedAt is not null;

    public CaseEvent Event => CaseEvent.FromJson(Payload);
}

/// <summary>Việc cần làm: an open legal deadline derived from a person's file (projection of <see cref="CaseFile"/>; rebuilt on every change).</summary>
public sealed class WorkItem : IUnitScoped, IPersonRecord
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public string Kind { get; set; } = "";

    public Guid SourceId { get; set; }

    public string Title { get; set; } = "";

    public DateTime DueAt { get; set; }

    public string LegalBasis { get; set; } = "";

    public string Authority { get; set; } = "";

    public string? Form { get; set; }

    /// <summary>The officer in charge named in the management decision, when there is one.</summary>
    public string? AssigneeUserName { get; set; }

    /// <summary>Set by the daily job when the deadline has passed (idempotent).</summary>
    public DateTime? OverdueSince { get; set; }
}

/// <summary>A row of one of the four legal lists (Law 120 Art 27, 48): a projection of the file, never edited by hand.</summary>
public sealed class ListEntry : IUnitScoped, IPersonRecord
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public string ProvinceCode { get; set; } = "";

    public string CommuneCode { get; set; } = "";

    public string List { get; set; } = "";

    public Guid SourceId { get; set; }

    public DateOnly FromOn { get; set; }

    public DateOnly? ToOn { get; set; }

    public string? RemovalReason { get; set; }
}

/// <summary>An administrator's value for a configurable ([I]) legal parameter.</summary>
public sealed class LegalParameterSetting
{
    public string Key { get; set; } = "";

    public string Regime { get; set; } = "";

    public string Value { get; set; } = "";

    public string Reason { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public DateTime ChangedAt { get; set; }
}

/// <summary>Ngày nghỉ lễ: the shipped calendar plus administrators' yearly corrections (Labour Code 2019 Art 112).</summary>
public sealed class PublicHoliday
{
    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";

    public bool Provisional { get; set; }

    /// <summary>Kept rather than deleted, so the shipped calendar does not bring a removed day back.</summary>
    public bool Removed { get; set; }
}

public sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> builder)
    {
        builder.ToTable("case_records");
        builder.Ignore(r => r.Event);
        builder.Ignore(r => r.Voided);
        builder.Property(r => r.RecordedScope).HasMaxLength(60);
        builder.Property(r => r.VoidedBy).HasMaxLength(256);
        builder.Property(r => r.VoidReason).HasMaxLength(1000);
        // The sequence is the key (auto-increment on both providers) and orders facts recorded with the same moment.
        builder.HasKey(r => r.Sequence);
        builder.HasIndex(r => r.Id).IsUnique();
        builder.Property(r => r.Kind).HasMaxLength(40);
        builder.Property(r => r.RecordedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.PersonId, r.Sequence });
        // Facts of a kind in a window (tests, rehab registrations and dossiers per period, grouped by commune for a consolidation
        // or counted for REGISTERED): a range of this index instead of a scan of every fact (issue 19: 640 → 17 ms for a province).
        builder.HasIndex(r => new { r.Kind, r.OccurredAt }).IncludeProperties(r => r.PersonId);
        // Positive drug tests in a window (REGISTERED, drug-tests-positive; issue 19, second pass): the payload test made every
        // drug test of the country in the window be read from the table (15,700 pages for one province's half-year: 3.4 s under
        // load); this partial index answers it alone (110 ms). The filter is the text EF Core writes for
        // Payload.Contains("\"result\":\"positive\""), which PostgreSQL must see to use the index.
        builder.HasIndex(r => r.OccurredAt).IncludeProperties(r => new { r.PersonId, r.VoidedAt }).HasDatabaseName("ix_case_records_positive_tests")
            .HasFilter("kind = 'drug-test' AND payload LIKE '%\"result\":\"positive\"%'");
    }
}

public sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.ToTable("work_items");
        builder.Property(w => w.ProvinceCode).HasMaxLength(2);
        builder.Property(w => w.CommuneCode).HasMaxLength(5);
        builder.Property(w => w.Kind).HasMaxLength(40);
        builder.Property(w => w.Title).HasMaxLength(300);
        builder.Property(w => w.LegalBasis).HasMaxLength(300);
        builder.Property(w => w.Authority).HasMaxLength(200);
        builder.Property(w => w.Form).HasMaxLength(10);
        builder.Property(w => w.AssigneeUserName).HasMaxLength(256);
        builder.HasIndex(w => new { w.PersonId, w.Kind, w.SourceId }).IsUnique();
        builder.HasIndex(w => new { w.ProvinceCode, w.CommuneCode, w.DueAt });
        builder.HasIndex(w => w.DueAt);
    }
}

public sealed class ListEntryConfiguration : IEntityTypeConfiguration<ListEntry>
{
    public void Configure(EntityTypeBuilder<ListEntry> builder)
    {
        builder.ToTable("list_entries");
        builder.Property(l => l.ProvinceCode).HasMaxLength(2);
        builder.Property(l => l.CommuneCode).HasMaxLength(5);
        builder.Property(l => l.List).HasMaxLength(20);
        builder.Property(l => l.RemovalReason).HasMaxLength(300);
        builder.HasIndex(l => new { l.PersonId, l.List, l.SourceId }).IsUnique();
        builder.HasIndex(l => new { l.List, l.ProvinceCode, l.CommuneCode, l.ToOn });
        // A province's list rows in one index range with what the figures read (issue 19, second pass: the consolidation,
        // SUPPORT-COVERAGE and REGISTERED of a province scanned the whole table, 9,161 pages, for ≈ 26,000 rows).
        builder.HasIndex(l => new { l.ProvinceCode, l.List, l.FromOn }).IncludeProperties(l => new { l.CommuneCode, l.PersonId, l.ToOn });
    }
}

public sealed class LegalParameterSettingConfiguration : IEntityTypeConfiguration<LegalParameterSetting>
{
    public void Configure(EntityTypeBuilder<LegalParameterSetting> builder)
    {
        builder.ToTable("legal_parameter_settings");
        builder.HasKey(s => new { s.Key, s.Regime });
        builder.Property(s => s.Key).HasMaxLength(60);
        builder.Property(s => s.Regime).HasMaxLength(20);
        builder.Property(s => s.Value).HasMaxLength(40);
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
    }
}

public sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> builder)
    {
        builder.ToTable("public_holidays");
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Name).HasMaxLength(200);
    }
}
