using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Features.Lifecycle;

public static class LifecycleApi
{
    public sealed record ParameterInput(string? Value, string? Reason);

    public sealed record HolidayInput(string? Name, bool? Provisional);

    public sealed record VoidInput(string? Reason);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static void MapLifecycleApi(this RouteGroupBuilder api)
    {
        var persons = api.MapGroup("/persons/{id:guid}").WithTags("Legal lifecycle");

        persons.MapPost("/drug-tests", async (RecordCaseFacts record, Guid id, RecordCaseFacts.DrugTestInput input, CancellationToken ct) =>
                (await record.DrugTestAsync(id, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordHealthFindings)
            .WithSummary("Kết quả xét nghiệm chất ma túy (Luật 120/2025 Điều 23). Dương tính: việc cần làm ra quyết định quản lý trong 24 giờ.");

        persons.MapPost("/management-decisions", async (RecordCaseFacts record, Guid id, RecordCaseFacts.ManagementInput input, CancellationToken ct) =>
                (await record.ManagementAsync(id, input, ct)).ToHttpResult(r =>
                {
                    var view = r.File.Cases.Single(c => c.Id == r.Id);
                    return Created(id, r, new { id = r.Id, regime = view.Regime, startsOn = Day(view.StartsOn), endsOn = Day(view.EndsOn) });
                }))
            .RequireAuthorization(Permissions.RecordCases)
            .WithSummary("Quyết định quản lý người sử dụng trái phép chất ma túy (Mẫu 04), thời hạn 01 năm; chế độ pháp lý theo ngày quyết định.");

        persons.MapPost("/management-decisions/{decisionId:guid}/changes", async (RecordCaseFacts record, Guid id, Guid decisionId, RecordCaseFacts.ManagementChangeInput input, CancellationToken ct) =>
                (await record.ManagementChangeAsync(id, decisionId, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordCases)
            .WithSummary("Tạm đình chỉ (Mẫu 07), tiếp tục, vắng mặt không báo (không tính vào thời hạn), chấm dứt (Mẫu 08), kết thúc (Mẫu 09).");

        persons.MapPost("/addiction-determinations", async (RecordCaseFacts record, Guid id, RecordCaseFacts.DeterminationInput input, CancellationToken ct) =>
                (await record.DeterminationAsync(id, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordHealthFindings)
            .WithSummary("Kết quả xác định tình trạng nghiện (6 tiêu chí Thông tư 18/2021/TT-BYT; \"nghiện\" cần ít nhất 3).");

        persons.MapPost("/rehab-registrations", async (RecordCaseFacts record, Guid id, RecordCaseFacts.RegistrationInput input, CancellationToken ct) =>
                (await record.RegistrationAsync(id, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordCases)
            .WithSummary("Đăng ký cai nghiện tự nguyện hoặc điều trị thay thế (trong 24 giờ kể từ khi được thông báo nghiện).");

        persons.MapPost("/rehab-episodes", async (RecordCaseFacts record, Guid id, RecordCaseFacts.RehabInput input, CancellationToken ct) =>
                (await record.RehabAsync(id, input, ct)).ToHttpResult(r =>
                {
                    var view = r.File.Cases.Single(c => c.Id == r.Id);
                    return Created(id, r, new { id = r.Id, regime = view.Regime, termMonths = view.TermMonths, plannedEndOn = view.EndsOn is null ? null : Day(view.EndsOn) });
                }))
            .RequireAuthorization(Permissions.RecordCases)
            .WithSummary("Quyết định cai nghiện (tự nguyện: Mẫu 22; bắt buộc: quyết định của Tòa án). Thời hạn 24 tháng lần đầu, 36 tháng từ lần thứ hai, tính từ ngày tiếp nhận.");

        persons.MapPost("/rehab-episodes/{episodeId:guid}/start", async (RecordCaseFacts record, Guid id, Guid episodeId, RecordCaseFacts.StartInput input, CancellationToken ct) =>
                (await record.RehabStartAsync(id, episodeId, input, ct)).ToHttpResult(r =>
                {
                    var view = r.File.Cases.Single(c => c.Id == episodeId);
                    return Created(id, r, new { id = r.Id, plannedEndOn = Day(view.EndsOn) });
                }))
            .RequireAuthorization(Permissions.RecordResidentFacts)
            .WithSummary("Biên bản tiếp nhận (Mẫu 24): thời hạn cai nghiện tính từ ngày này.");

        persons.MapPost("/rehab-episodes/{episodeId:guid}/end", async (RecordCaseFacts record, Guid id, Guid episodeId, RecordCaseFacts.EndInput input, CancellationToken ct) =>
                (await record.RehabEndAsync(id, episodeId, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordResidentFacts)
            .WithSummary("Kết thúc đợt cai nghiện: hoàn thành, tự ý chấm dứt, sử dụng ma túy, không thực hiện… (căn cứ lập hồ sơ bắt buộc theo Điều 35).");

        persons.MapPost("/rehab-episodes/{episodeId:guid}/stage", async (RecordCaseFacts record, Guid id, Guid episodeId, RecordCaseFacts.StageInput input, CancellationToken ct) =>
                (await record.RehabStageAsync(id, episodeId, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordResidentFacts)
            .WithSummary("Chuyển giai đoạn cai nghiện: tiếp nhận, cắt cơn giải độc (≥ 10 ngày), giáo dục phục hồi (≥ 03 tháng), lao động trị liệu, chuẩn bị tái hòa nhập (30 ngày cuối).");

        persons.MapPost("/substitution-therapies", async (RecordCaseFacts record, Guid id, RecordCaseFacts.TherapyInput input, CancellationToken ct) =>
                (await record.TherapyAsync(id, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordHealthFindings)
            .WithSummary("Tiếp nhận điều trị nghiện bằng thuốc thay thế (methadone).");

        persons.MapPost("/substitution-therapies/{therapyId:guid}/phase", async (RecordCaseFacts record, Guid id, Guid therapyId, RecordCaseFacts.PhaseInput input, CancellationToken ct) =>
                (await record.TherapyPhaseAsync(id, therapyId, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordTherapyProgress)
            .WithSummary("Giai đoạn điều trị: khởi liều, điều chỉnh liều, duy trì, giảm liều tiến tới ngừng.");

        persons.MapPost("/substitution-therapies/{therapyId:guid}/end", async (RecordCaseFacts record, Guid id, Guid therapyId, RecordCaseFacts.EndInput input, CancellationToken ct) =>
                (await record.TherapyEndAsync(id, therapyId, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordTherapyProgress)
            .WithSummary("Kết thúc điều trị thay thế: hoàn thành (→ quản lý sau cai 01 năm), tự ý chấm dứt, bị chấm dứt do vi phạm (→ hồ sơ bắt buộc).");

        persons.MapPost("/compulsory-dossiers", async (RecordCaseFacts record, Guid id, RecordCaseFacts.DossierInput input, CancellationToken ct) =>
                (await record.DossierAsync(id, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordCases)
            .WithSummary("Phát hiện trường hợp phải lập hồ sơ đề nghị cai nghiện bắt buộc (Luật 120/2025 Điều 35); lập hồ sơ trong 01 ngày làm việc.");

        persons.MapPost("/compulsory-dossiers/{dossierId:guid}/steps", async (RecordCaseFacts record, Guid id, Guid dossierId, RecordCaseFacts.DossierStepInput input, CancellationToken ct) =>
                (await record.DossierStepAsync(id, dossierId, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordCases)
            .WithSummary("Các bước hồ sơ: đã lập, đã thông báo đọc hồ sơ (03 ngày làm việc), đã gửi Tòa án (01 ngày làm việc sau), Tòa yêu cầu / đã trả lời, bị trả lại, rút hồ sơ.");

        persons.MapPost("/post-rehab-decisions", async (RecordCaseFacts record, Guid id, RecordCaseFacts.PostRehabInput input, CancellationToken ct) =>
                (await record.PostRehabAsync(id, input, ct)).ToHttpResult(r =>
                {
                    var view = r.File.Cases.Single(c => c.Id == r.Id);
                    return Created(id, r, new { id = r.Id, regime = view.Regime, startsOn = Day(view.StartsOn), endsOn = Day(view.EndsOn) });
                }))
            .RequireAuthorization(Permissions.DecidePostRehab)
            .WithSummary("Quyết định quản lý sau cai nghiện (Mẫu 53) của Chủ tịch UBND cấp xã: 01 năm, hoặc 02 năm sau cai nghiện bắt buộc của người từ đủ 18 tuổi.");

        persons.MapPost("/post-rehab-decisions/{decisionId:guid}/end", async (RecordCaseFacts record, Guid id, Guid decisionId, RecordCaseFacts.EndInput input, CancellationToken ct) =>
                (await record.PostRehabEndAsync(id, decisionId, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.DecidePostRehab)
            .WithSummary("Kết thúc quản lý sau cai nghiện (Mẫu 56, 57) hoặc chấm dứt vì lý do khác.");

        persons.MapPost("/electronic-supervisions", async (RecordCaseFacts record, Guid id, RecordCaseFacts.SupervisionInput input, CancellationToken ct) =>
                (await record.SupervisionAsync(id, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordCases)
            .WithSummary("Quyết định giám sát điện tử (Luật 120/2025 Điều 12; NĐ 163/2026 Điều 16): đeo thiết bị trong 24 giờ.");

        persons.MapPost("/electronic-supervisions/{supervisionId:guid}/fitting", async (RecordCaseFacts record, Guid id, Guid supervisionId, RecordCaseFacts.FittingInput input, CancellationToken ct) =>
                (await record.FittingAsync(id, supervisionId, input, ct)).ToHttpResult(r => Created(id, r, new { id = r.Id })))
            .RequireAuthorization(Permissions.RecordCases)
            .WithSummary("Đã đeo thiết bị giám sát điện tử (NĐ 163/2026 Điều 17).");

        persons.MapPost("/violations", async (RecordCaseFacts record, LegalSettings settings, AppDbContext db, Guid id, RecordCaseFacts.ViolationInput input, CancellationToken ct) =>
                (await record.ViolationAsync(id, input, ct)).ToHttpResult(r =>
                {
                    var violation = (ViolationRecorded)r.Event;
                    return Created(id, r, new { id = r.Id, consequence = r.File.Obligations.Any(o => o.Kind == "compulsory-dossier" && o.SourceId == r.Id) ? "Lập hồ sơ đề nghị cai nghiện bắt buộc" : violation.Kind == "rule" ? "Nhắc nhở hoặc kiểm điểm" : "Nhắc nhở" });
                }))
            .RequireAuthorization(Permissions.RecordResidentFacts)
            .WithSummary("Vi phạm (Luật 120/2025 Điều 47; NĐ 163/2026 Điều 24–25): nhắc nhở, kiểm điểm, rồi lập hồ sơ bắt buộc.");

        // Corrections (issue 16): a mistaken fact is voided, kept in the history, and the file is recomputed without it.
        persons.MapPost("/case-records/{recordId:guid}/void", async (PersonCaseFiles files, Guid id, Guid recordId, VoidInput input, CancellationToken ct) =>
                (await files.VoidAsync(id, recordId, input.Reason, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Permissions.VoidCaseRecords)
            .WithSummary("Hủy một bản ghi nhầm (ghi rõ lý do): bản ghi vẫn hiện trong lịch sử, được đánh dấu đã hủy; tình trạng, thời hạn, danh sách và việc cần làm được tính lại. 400 khi bản ghi sau phụ thuộc vào nó.");

        persons.MapGet("/case-file", async (AppDbContext db, PersonCaseFiles files, AuditLog audit, Guid id, CancellationToken ct) =>
            {
                var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
                if (person is null)
                    return Problems.NotFound();
                var (file, records) = await files.ReadAsync(person, ct);
                await audit.RecordReadAsync(nameof(CaseRecord), id.ToString(), id, "case-file", null, ct);
                return Results.Ok(new
                {
                    status = file.Status,
                    cases = file.Cases.Select(c => new { c.Id, c.Type, c.Title, c.Regime, c.State, startsOn = c.StartsOn is null ? null : Day(c.StartsOn), endsOn = c.EndsOn is null ? null : Day(c.EndsOn), c.TermMonths, c.DecisionNumber }),
                    workItems = file.Obligations.Select(o => new { o.Kind, o.SourceId, o.Title, dueAt = o.DueAt.ToOffset(TimeSpan.FromHours(7)), o.LegalBasis, o.Authority, o.Form }),
                    lists = file.Lists.Select(l => new { l.List, l.SourceId, fromOn = Day(l.From), toOn = l.To is null ? null : Day(l.To), l.RemovalReason }),
                    records = records.Select(r => new
                    {
                        r.Id,
                        r.Kind,
                        occurredAt = new DateTimeOffset(DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7)),
                        r.RecordedBy,
                        data = System.Text.Json.JsonDocument.Parse(r.Payload).RootElement,
                        voided = r.Voided,
                        voidedAt = r.VoidedAt is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7)) : (DateTimeOffset?)null,
                        r.VoidedBy,
                        r.VoidReason,
                    }),
                });
            })
            .RequireAuthorization(Permissions.ViewPersons)
            .WithSummary("Hồ sơ pháp lý của một người: tình trạng, các vụ việc, việc cần làm, danh sách, các bản ghi (mỗi lượt xem được ghi nhật ký).");

        persons.MapGet("/documents/{form}", async (DecisionDocuments documents, Guid id, string form, Guid? recordId, CancellationToken ct) =>
                (await documents.CreateAsync(id, form, recordId, ct)).ToHttpResult(d =>
                    TypedResults.File(d.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.FileName)))
            .RequireAuthorization(Permissions.IssueDocuments)
            .WithSummary("Văn bản DOCX điền sẵn từ hồ sơ: Mẫu 04, 07, 08, 09, 22, 28, 32, 50, 51, 52, 53, 56, 59, 60; thong-bao-ho-so, de-nghi-toa-an (nhóm Mẫu 34–41), de-nghi-xac-dinh-nghien (số hiệu chưa xác minh, ghi ở chân trang). Mỗi lần tải được ghi nhật ký.");

        // Facility staff (issue 16): the completion of a compulsory stay and its certificate (Form 50) in one step; the facility's register.
        persons.MapPost("/rehab-episodes/{episodeId:guid}/completion-certificate", async (FacilityCertificates certificates, HttpContext http, Guid id, Guid episodeId, FacilityCertificates.CompletionInput input, CancellationToken ct) =>
                (await certificates.CompleteAndIssueAsync(id, episodeId, input, ct)).ToHttpResult(issued =>
                {
                    http.Response.Headers["X-Certificate-Id"] = issued.CertificateId.ToString();
                    http.Response.Headers["X-Record-Id"] = issued.RecordId.ToString();
                    return TypedResults.File(issued.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", issued.FileName);
                }))
            .RequireAuthorization(Permissions.IssueFacilityCertificates)
            .WithSummary("Hoàn thành và cấp giấy chứng nhận (Mẫu 50): cơ sở ghi nhận người chấp hành xong cai nghiện bắt buộc (endedOn, number tùy chọn; cùng quy tắc và nhật ký như kết thúc đợt cai nghiện) và nhận ngay tệp .docx. Tiêu đề X-Certificate-Id: mã giấy để in lại. 400 khi đợt không phải cai nghiện bắt buộc.");

        var certificates = api.MapGroup("/facility-certificates").WithTags("Legal lifecycle");
        certificates.MapGet("/", (FacilityCertificates register, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => register.ListAsync(paging, ct)))
            .RequireAuthorization(Permissions.IssueFacilityCertificates)
            .WithSummary("Giấy chứng nhận cơ sở đã cấp: số giấy, họ tên, ngày hoàn thành, ngày cấp (chỉ của cơ sở mình; được ghi nhật ký).");
        certificates.MapPost("/{certificateId:guid}/reprint", async (FacilityCertificates register, Guid certificateId, FacilityCertificates.ReprintInput input, CancellationToken ct) =>
                (await register.ReprintAsync(certificateId, input.Purpose, fresh: false, ct)).ToHttpResult(d =>
                    TypedResults.File(d.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.FileName)))
            .RequireAuthorization(Permissions.IssueFacilityCertificates)
            .WithSummary("In lại giấy chứng nhận đúng như đã cấp (purpose: lý do in lại, bắt buộc); chỉ cơ sở đã cấp (404 với cơ sở khác); mỗi lần in được ghi nhật ký.");

        api.MapGet("/work-items", (WorkItems items, string? commune, string? dueBefore, bool? overdue, string? assignee, Guid? personId, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => items.ListAsync(new WorkItems.Filter(commune, dueBefore, overdue, assignee, personId), paging, withNames: false, ct)))
            .WithTags("Legal lifecycle")
            .RequireAuthorization(Permissions.ViewPersons)
            .WithSummary("Việc cần làm: mọi thời hạn pháp lý chưa thực hiện trong địa bàn (lọc theo xã, hạn trước, quá hạn, cán bộ phụ trách: assignee=me).");

        api.MapGet("/legal-lists/{list}", (LegalListQuery lists, string list, string? commune, string? state, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => lists.ListAsync(list, commune, state, paging, ct)))
            .WithTags("Legal lifecycle")
            .RequireAuthorization(Permissions.ViewPersons)
            .WithSummary("Bốn danh sách theo Luật 120/2025 Điều 27, 48: users, addicted, in-rehab, post-rehab (state=current|removed|all), kèm lý do đưa ra.");

        api.MapGet("/legal-lists/{list}/export", async (LegalListQuery lists, string list, string? commune, string? state, CancellationToken ct) =>
                (await lists.ExportAsync(list, commune, state, ct)).ToHttpResult(bytes =>
                    TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExcelForm.FileName(LegalLists.DisplayName(list)))))
            .WithTags("Legal lifecycle")
            .RequireAuthorization(Permissions.ViewPersons)
            .WithSummary("Xuất danh sách ra Excel (được ghi nhật ký).");

        api.MapGet("/legal-parameters", async (LegalSettings settings, AppDbContext db, CancellationToken ct) =>
            {
                var current = await settings.ParametersAsync(ct);
                var changed = await db.LegalParameterSettings.AsNoTracking().ToListAsync(ct);
                return Results.Ok(new
                {
                    items = LegalParameters.Catalog.Select(p => new
                    {
                        p.Key,
                        p.Regime,
                        p.Name,
                        value = current.Value(p.Key, p.Regime),
                        defaultValue = p.Value,
                        p.Unit,
                        p.Source,
                        p.Configurable,
                        changedBy = changed.FirstOrDefault(c => c.Key == p.Key && c.Regime == p.Regime)?.ChangedBy,
                    }),
                });
            })
            .WithTags("Legal lifecycle")
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Bảng tham số pháp lý với nguồn; tham số đánh dấu configurable (cách hiểu [I]) do quản trị viên điều chỉnh.");

        api.MapPut("/legal-parameters/{regime}/{key}", async (AppDbContext db, CurrentUser user, TimeProvider clock, PersonCaseFiles files, string regime, string key, ParameterInput input, CancellationToken ct) =>
            {
                var parameter = LegalParameters.Catalog.FirstOrDefault(p => p.Key == key && p.Regime == regime);
                if (parameter is null)
                    return Problems.NotFound();
                var errors = new Dictionary<string, string[]>();
                if (LegalParameters.Validate(parameter, input.Value?.Trim() ?? "") is { } error)
                    errors["value"] = [error];
                if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length < 10)
                    errors["reason"] = ["Ghi rõ căn cứ thay đổi (ít nhất 10 ký tự), ví dụ văn bản hướng dẫn của Bộ Công an."];
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                var setting = await db.LegalParameterSettings.FirstOrDefaultAsync(s => s.Key == key && s.Regime == regime, ct);
                if (setting is null)
                    db.LegalParameterSettings.Add(setting = new LegalParameterSetting { Key = key, Regime = regime });
                setting.Value = input.Value!.Trim();
                setting.Reason = input.Reason!.Trim();
                setting.ChangedBy = user.UserName;
                setting.ChangedAt = clock.GetUtcNow().UtcDateTime;
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException exception) when (Persons.UniqueViolation.IndexOf(exception) is not null)
                {
                    // Two first changes of one parameter at once (issue 18 abuse test): the second is told, not given a 500.
                    return new Failure.Conflict("Tham số này vừa được điều chỉnh đồng thời bởi người khác; vui lòng tải lại và thử lại.").ToHttpResult();
                }

                return Results.NoContent();
            })
            .WithTags("Legal lifecycle")
            .RequireAuthorization(Permissions.ConfigureLegalRules)
            .WithSummary("Điều chỉnh một tham số cách hiểu [I] (ghi nhật ký, kèm căn cứ). Hồ sơ được tính lại trong lần rà soát hằng ngày.");

        api.MapGet("/holidays", async (LegalSettings settings, int? year, TimeProvider clock, CancellationToken ct) =>
                Results.Ok(new { items = (await settings.HolidaysAsync(year ?? clock.GetUtcNow().Year, ct)).Select(h => new { date = Day(h.Date), h.Name, h.Provisional }) }))
            .WithTags("Legal lifecycle")
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Lịch nghỉ lễ dùng để tính ngày làm việc (Bộ luật Lao động 2019 Điều 112).");

        api.MapPut("/holidays/{date}", async (AppDbContext db, string date, HolidayInput input, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var day = LegalInput.Date(date, "date", errors);
                if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
                    errors["name"] = ["Bắt buộc nhập tên ngày nghỉ (tối đa 200 ký tự)."];
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                var holiday = await db.PublicHolidays.FirstOrDefaultAsync(h => h.Date == day!.Value, ct);
                if (holiday is null)
                    db.PublicHolidays.Add(holiday = new PublicHoliday { Date = day!.Value });
                holiday.Name = input.Name!.Trim();
                holiday.Provisional = input.Provisional ?? false;
                holiday.Removed = false;
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException exception) when (Persons.UniqueViolation.IndexOf(exception) is not null)
                {
                    // Two saves of a new holiday at once (issue 18 abuse test): the second is told, not given a 500.
                    return new Failure.Conflict("Ngày nghỉ này vừa được lưu đồng thời bởi người khác; vui lòng tải lại và thử lại.").ToHttpResult();
                }

                return Results.NoContent();
            })
            .WithTags("Legal lifecycle")
            .RequireAuthorization(Permissions.ConfigureLegalRules)
            .WithSummary("Thêm hoặc sửa một ngày nghỉ lễ (theo thông báo hằng năm của Chính phủ).");

        api.MapDelete("/holidays/{date}", async (AppDbContext db, string date, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var day = LegalInput.Date(date, "date", errors);
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                var holiday = await db.PublicHolidays.FirstOrDefaultAsync(h => h.Date == day!.Value, ct);
                if (holiday is null)
                    db.PublicHolidays.Add(holiday = new PublicHoliday { Date = day!.Value, Name = "" });
                holiday.Removed = true;
                await db.SaveChangesAsync(ct);
                return Results.NoContent();
            })
            .WithTags("Legal lifecycle")
            .RequireAuthorization(Permissions.ConfigureLegalRules)
            .WithSummary("Bỏ một ngày khỏi lịch nghỉ lễ (ví dụ ngày dự kiến không được Chính phủ công bố).");
    }

    private static Created<object> Created(Guid personId, PersonCaseFiles.Appended appended, object body) =>
        TypedResults.Created($"/api/v1/persons/{personId}/case-file#{appended.Id}", body);
}
