using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Lifecycle;

namespace Pcmt.Features.SupportServices;

public static class SupportServicesApi
{
    public sealed record Input(string? Kind, string? RequestedOn, string? ProvidedOn, string? Provider, string? Outcome);

    public static void MapSupportServicesApi(this RouteGroupBuilder api)
    {
        var services = api.MapGroup("/persons/{id:guid}/support-services").WithTags("Support services");

        services.MapGet("/", async (AppDbContext db, Guid id, CancellationToken ct) =>
            {
                if (!await db.Persons.AnyAsync(p => p.Id == id, ct))
                    return Problems.NotFound();
                var items = await db.SupportServices.AsNoTracking().Where(s => s.PersonId == id).OrderBy(s => s.ProvidedOn ?? s.RequestedOn).ToListAsync(ct);
                return Results.Ok(new { items = items.Select(s => new { s.Id, s.Kind, kindName = SupportServiceKinds.Names[s.Kind], s.RequestedOn, s.ProvidedOn, s.Provider, s.Outcome, s.RecordedBy }) });
            })
            .RequireAuthorization(Permissions.ViewPersons)
            .WithSummary("Các dịch vụ hỗ trợ đã đề nghị và đã cung cấp cho người này.");

        services.MapPost("/", async (AppDbContext db, CurrentUser user, TimeProvider clock, Guid id, Input input, CancellationToken ct) =>
            {
                var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
                if (person is null)
                    return Problems.NotFound();
                var errors = new Dictionary<string, string[]>();
                if (input.Kind is null || !SupportServiceKinds.Names.ContainsKey(input.Kind))
                    errors["kind"] = ["Loại hỗ trợ phải là một trong: " + string.Join(", ", SupportServiceKinds.Names.Keys) + "."];
                var requested = LegalInput.Date(input.RequestedOn, "requestedOn", errors, required: false);
                var provided = LegalInput.Date(input.ProvidedOn, "providedOn", errors, required: false);
                if (requested is null && provided is null && !errors.ContainsKey("requestedOn") && !errors.ContainsKey("providedOn"))
                    errors["providedOn"] = ["Nhập ngày đề nghị hoặc ngày cung cấp dịch vụ."];
                if (requested is { } r && provided is { } p && p < r)
                    errors["providedOn"] = ["Ngày cung cấp không được trước ngày đề nghị."];
                var today = Deadlines.LegalTime.DayOf(clock.GetUtcNow());
                if (provided > today || requested > today)
                    errors["providedOn"] = ["Ngày không được ở tương lai."];
                if (input.Provider?.Trim().Length > 300)
                    errors["provider"] = ["Tên đơn vị cung cấp tối đa 300 ký tự."];
                if (input.Outcome?.Trim().Length > 1000)
                    errors["outcome"] = ["Kết quả tối đa 1.000 ký tự."];
                if (errors.Count > 0)
                    return new Failure.Invalid(errors).ToHttpResult();
                var service = new SupportService
                {
                    PersonId = id,
                    ProvinceCode = person.ProvinceCode,
                    CommuneCode = person.CommuneCode,
                    Kind = input.Kind!,
                    RequestedOn = requested,
                    ProvidedOn = provided,
                    Provider = string.IsNullOrWhiteSpace(input.Provider) ? null : input.Provider.Trim(),
                    Outcome = string.IsNullOrWhiteSpace(input.Outcome) ? null : input.Outcome.Trim(),
                    RecordedBy = user.UserName,
                    RecordedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.SupportServices.Add(service);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/persons/{id}/support-services/{service.Id}", new { id = service.Id });
            })
            .RequireAuthorization(Permissions.RecordServices)
            .WithSummary("Ghi nhận dịch vụ hỗ trợ: tư vấn, y tế, tâm lý, trợ giúp pháp lý (đề nghị/được cung cấp), đào tạo nghề, việc làm, vay vốn, học tập — ngày, đơn vị, kết quả.");
    }
}
