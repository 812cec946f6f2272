using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmt.Features.Population;
using Pcmt.Infrastructure.Auditing;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Giấy chứng nhận đã cấp: a completion certificate (Form 50) a facility issued when it recorded the completion of a compulsory
/// stay (issue 16). The facility's own register of what it issued, so it can print a lost paper again: the certificate exactly
/// as issued (encrypted like the registry's protected fields: it carries the citizen ID), and for the list only its number, the
/// person's name and the date. It gives no access to the former resident's file (NĐ 163/2026 Art 3.5: information on people in
/// rehab goes only to competent bodies; data minimisation, Law 91/2025): the person left the facility's view with the completion.
/// </summary>
public sealed class FacilityCertificate : IPersonRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The issuing facility: only its staff list and re-print the certificate.</summary>
    public Guid FacilityId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The completion fact (<see cref="RehabEnded"/>) the certificate certifies; voiding it voids the certificate.</summary>
    public Guid RecordId { get; set; }

    public Guid EpisodeId { get; set; }

    public string Form { get; set; } = "";

    /// <summary>Số giấy chứng nhận, when the facility numbers its certificates ("……" on the paper otherwise).</summary>
    public string? Number { get; set; }

    public string PersonName { get; set; } = "";

    public DateOnly CompletedOn { get; set; }

    public DateTime IssuedAt { get; set; }

    public string IssuedBy { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>The .docx as issued, encrypted (<see cref="PersonalDataProtector.EncryptBytes"/>; re-encrypted by <c>pcmt keys rotate</c>).</summary>
    public byte[] DocumentProtected { get; set; } = [];

    public DateTime? VoidedAt { get; set; }
}

public sealed class FacilityCertificateConfiguration : IEntityTypeConfiguration<FacilityCertificate>
{
    public void Configure(EntityTypeBuilder<FacilityCertificate> builder)
    {
        builder.ToTable("facility_certificates");
        builder.Property(c => c.Form).HasMaxLength(10);
        builder.Property(c => c.Number).HasMaxLength(50);
        builder.Property(c => c.PersonName).HasMaxLength(200);
        builder.Property(c => c.IssuedBy).HasMaxLength(256);
        builder.Property(c => c.FileName).HasMaxLength(100);
        builder.HasIndex(c => new { c.FacilityId, c.IssuedAt });
        builder.HasIndex(c => c.RecordId);
    }
}

/// <summary>
/// Hoàn thành và cấp giấy chứng nhận (Mẫu 50): the facility records the completion of a compulsory stay with the same rules,
/// validation and audit as the plain end of stay, and gets the certificate in the same step; then lists and re-prints only the
/// certificates it issued. Scoped by the caller's facility: another facility's certificate is 404, other users have no register.
/// </summary>
public sealed class FacilityCertificates(AppDbContext db, CurrentUser user, RecordCaseFacts record, PersonCaseFiles files, DecisionDocuments documents,
    PersonalDataProtector protector, AuditLog audit, TimeProvider clock)
{
    public const string Form = "50";

    public sealed record CompletionInput(string? EndedOn, string? Number);

    public sealed record ReprintInput(string? Purpose);

    public sealed record Row(Guid Id, string Form, string? Number, string PersonName, DateOnly CompletedOn, DateTimeOffset IssuedAt, string IssuedBy, bool Voided);

    public sealed record Issued(Guid CertificateId, Guid RecordId, string PersonName, byte[] Content, string FileName);

    /// <summary>How long after issuing the issuer may download the new certificate without giving a purpose (the page's automatic download).</summary>
    public static readonly TimeSpan FreshDownload = TimeSpan.FromMinutes(10);

    public async Task<Result<Issued>> CompleteAndIssueAsync(Guid personId, Guid episodeId, CompletionInput input, CancellationToken cancellationToken)
    {
        // A facility scope naming no registered facility sees no resident (UnitScope), so it has none to certify either.
        if (user.FacilityId is not { } facilityId)
            return new Failure.NotFound();
        var number = string.IsNullOrWhiteSpace(input.Number) ? null : input.Number.Trim();
        if (number?.Length > 50)
            return new Failure.Invalid("number", "Số giấy chứng nhận tối đa 50 ký tự.");
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        if (!await db.FacilityResidents.AnyAsync(r => r.PersonId == personId && r.SourceId == episodeId && r.FacilityId == facilityId, cancellationToken))
            return new Failure.Forbidden();
        var (_, records) = await files.ReadAsync(person, cancellationToken);
        // Form 50 certifies the completion of compulsory rehab (legal-rules §4.6; NĐ 163/2026 Art 112–125): refused before anything is recorded.
        if (records.FirstOrDefault(r => r.Id == episodeId && !r.Voided)?.Event is not RehabDecided { Compulsory: true })
            return new Failure.Invalid("episodeId",
                "Giấy chứng nhận hoàn thành (Mẫu 50) chỉ cấp cho người chấp hành xong thời gian cai nghiện bắt buộc (Nghị định 163/2026/NĐ-CP, Điều 112–125). "
                + "Đợt cai nghiện này không phải cai nghiện bắt buộc: ghi nhận ở mục \"Kết thúc đợt cai nghiện\".");

        // One transaction: the completion, the register row and the audit entries are kept together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var appended = await record.RehabEndAsync(personId, episodeId, new RecordCaseFacts.EndInput(input.EndedOn, "completed"), cancellationToken);
        if (!appended.Succeeded)
            return appended.Failure;
        var completion = new CaseRecord { Id = appended.Value.Id, PersonId = personId, Kind = CaseEventKinds.RehabEnd, Payload = appended.Value.Event.ToJson() };
        // Rendered from the file read before the completion: the person has now left the facility's view.
        var content = await documents.CompletionCertificateAsync(person, records, completion, appended.Value.File, number, cancellationToken);
        var ended = (RehabEnded)appended.Value.Event;
        var certificate = new FacilityCertificate
        {
            FacilityId = facilityId,
            PersonId = personId,
            RecordId = completion.Id,
            EpisodeId = episodeId,
            Form = Form,
            Number = number,
            PersonName = person.FullName,
            CompletedOn = ended.EndedOn,
            IssuedAt = clock.GetUtcNow().UtcDateTime,
            IssuedBy = user.UserName,
            FileName = $"mau-{Form}-{person.FileCode}.docx",
            DocumentProtected = protector.EncryptBytes(content),
        };
        db.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordReadAsync(nameof(CaseRecord), completion.Id.ToString(), personId, "Mẫu 50 (docx)", "cấp giấy chứng nhận hoàn thành cai nghiện bắt buộc", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Issued(certificate.Id, completion.Id, person.FullName, content, certificate.FileName);
    }

    /// <summary>The certificates the caller's facility issued, newest first; the names shown are audited as a list.</summary>
    public async Task<PagedList<Row>> ListAsync(Paging paging, CancellationToken cancellationToken)
    {
        if (user.FacilityId is not { } facilityId)
            return new PagedList<Row>([], 0, paging.Page, paging.PageSize);
        var page = await db.Set<FacilityCertificate>().AsNoTracking().Where(c => c.FacilityId == facilityId)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Form, c.Number, c.PersonName, c.CompletedOn, c.IssuedAt, c.IssuedBy, c.VoidedAt, c.PersonId })
            .ToPagedListAsync(paging, cancellationToken);
        if (page.Items.Count > 0)
            await audit.RecordListAsync(nameof(FacilityCertificate), page.Items.Select(c => c.PersonId), "facility-certificates", cancellationToken);
        return new PagedList<Row>([.. page.Items.Select(c => new Row(c.Id, c.Form, c.Number, c.PersonName, c.CompletedOn,
            new DateTimeOffset(DateTime.SpecifyKind(c.IssuedAt, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7)), c.IssuedBy, c.VoidedAt is not null))], page.Total, page.Page, page.PageSize);
    }

    /// <summary>
    /// In lại: the certificate exactly as issued, for its issuing facility only (another facility, or any other user: 404), with a
    /// written purpose, audited as a read of that certificate against the person. A voided completion voids its certificate.
    /// <paramref name="fresh"/>: the issuer's own download right after issuing (the page's automatic download), no purpose asked.
    /// </summary>
    public async Task<Result<(byte[] Content, string FileName)>> ReprintAsync(Guid certificateId, string? purpose, bool fresh, CancellationToken cancellationToken)
    {
        if (user.FacilityId is not { } facilityId)
            return new Failure.NotFound();
        var certificate = await db.Set<FacilityCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId && c.FacilityId == facilityId, cancellationToken);
        if (certificate is null)
            return new Failure.NotFound();
        string why;
        if (fresh)
        {
            if (certificate.IssuedBy != user.UserName || certificate.IssuedAt < clock.GetUtcNow().UtcDateTime - FreshDownload)
                return new Failure.NotFound();
            why = "tải giấy chứng nhận vừa cấp";
        }
        else if (CheckPopulation.CheckPurpose(purpose, out why) is not null)
        {
            return new Failure.Invalid("purpose", "Ghi rõ lý do in lại (từ 5 đến 300 ký tự), ví dụ \"người được chứng nhận báo mất bản chính\".");
        }

        if (certificate.VoidedAt is not null)
            return new Failure.Invalid("certificateId", "Giấy chứng nhận này đã bị hủy cùng bản ghi hoàn thành cai nghiện; không in lại được.");
        await audit.RecordReadAsync(nameof(FacilityCertificate), certificate.Id.ToString(), certificate.PersonId, "Mẫu " + certificate.Form + (fresh ? " (docx)" : " (docx, bản in lại)"), why, cancellationToken);
        return (protector.DecryptBytes(certificate.DocumentProtected), certificate.FileName);
    }
}
