namespace Pcmt.Features.LawfulActivities;

/// <summary>/api/v1/lawful-activities: the register of lawful drug-related activities and their inspections (000 §III.6.1–6.4).</summary>
public static class LawfulActivitiesApi
{
    public static void MapLawfulActivitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lawful-activities").WithTags("Lawful activities");

        group.MapGet("/", (LawfulActivityRegister register, string? province, string? commune, string? kind, string? sector, string? q, bool? followUpOverdue, int? page, int? pageSize,
                CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => register.ListAsync(new LawfulActivityRegister.Filter(province, commune, kind, sector, q, followUpOverdue), paging, ct)))
            .RequireAuthorization(Permissions.ViewLawfulActivities)
            .WithSummary("Các cơ sở có hoạt động hợp pháp liên quan đến ma túy trong địa bàn (sở, ngành: chỉ cơ sở thuộc ngành mình quản lý).");

        group.MapPost("/", async (LawfulActivityRegister register, LawfulActivityRegister.Input input, CancellationToken ct) =>
                (await register.CreateAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/lawful-activities/{id}", new { id })))
            .RequireAuthorization(Permissions.ManageLawfulActivities)
            .WithSummary("Ghi nhận cơ sở: tên, loại hoạt động (tiền chất, N2O, thuốc gây nghiện/hướng thần, thuốc thú y), giấy phép, chất, địa chỉ, cơ quan quản lý.");

        group.MapGet("/export", async (LawfulActivityRegister register, CurrentUser user, string? province, string? commune, string? kind, string? sector, string? q, CancellationToken ct) =>
                (await register.ExportAsync(new LawfulActivityRegister.Filter(province, commune, kind, sector, q), user.ScopeCode ?? "", ct)).ToHttpResult(bytes =>
                    TypedResults.File(bytes, ExcelForm.ContentType, ExcelForm.FileName("so-hoat-dong-hop-phap"))))
            .RequireAuthorization(Permissions.ViewLawfulActivities)
            .WithSummary("Sổ theo dõi các hoạt động hợp pháp liên quan đến ma túy (.xlsx, mẫu in).");

        group.MapGet("/{id:guid}", async (LawfulActivityRegister register, Guid id, CancellationToken ct) =>
                await register.FindAsync(id, ct) is { } detail ? Results.Ok(Body(detail)) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewLawfulActivities)
            .WithSummary("Một cơ sở và các lần kiểm tra.");

        group.MapPut("/{id:guid}", async (LawfulActivityRegister register, Guid id, LawfulActivityRegister.Input input, CancellationToken ct) =>
                (await register.UpdateAsync(id, input, ct)).ToHttpResult(_ => Results.NoContent()))
            .RequireAuthorization(Permissions.ManageLawfulActivities)
            .WithSummary("Sửa thông tin cơ sở với version đã đọc; version cũ → 409.");

        group.MapGet("/{id:guid}/inspections", async (LawfulActivityRegister register, Guid id, CancellationToken ct) =>
                await register.FindAsync(id, ct) is { } detail ? Results.Ok(new { items = detail.Inspections, total = detail.Inspections.Count }) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewLawfulActivities)
            .WithSummary("Các lần kiểm tra cơ sở, mới nhất trước.");

        group.MapPost("/{id:guid}/inspections", async (LawfulActivityRegister register, Guid id, LawfulActivityRegister.InspectionInput input, CancellationToken ct) =>
                (await register.AddInspectionAsync(id, input, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/lawful-activities/{id}/inspections", new { id = r.Id, taskId = r.TaskId })))
            .RequireAuthorization(Permissions.ManageLawfulActivities)
            .WithSummary("Kiểm tra: ngày, đoàn liên ngành (mã cơ quan), kết quả, vi phạm, tiền phạt, yêu cầu và hạn khắc phục (thành nhiệm vụ của kế hoạch tỉnh khi có).");

        group.MapPost("/{id:guid}/inspections/{inspectionId:guid}/follow-up-done", async (LawfulActivityRegister register, Guid id, Guid inspectionId,
                LawfulActivityRegister.FollowUpDoneInput input, CancellationToken ct) =>
                (await register.CompleteFollowUpAsync(id, inspectionId, input, ct)).ToHttpResult(version => Results.Ok(new { version })))
            .RequireAuthorization(Permissions.ManageLawfulActivities)
            .WithSummary("Ghi nhận đã khắc phục (ngày, kết quả) một yêu cầu khắc phục theo dõi tại sổ (không thành nhiệm vụ kế hoạch); version cũ → 409.");
    }

    private static object Body(LawfulActivityRegister.Detail detail)
    {
        var a = detail.Activity;
        return new
        {
            id = a.Id,
            provinceCode = a.ProvinceCode,
            communeCode = a.CommuneCode,
            communeName = a.CommuneName,
            name = a.Name,
            kind = a.Kind,
            sector = a.Sector,
            responsibleAgency = a.ResponsibleAgency,
            responsibleAgencyName = a.ResponsibleAgencyName,
            licenceNumber = a.LicenceNumber,
            licenceDate = a.LicenceDate,
            licenceIssuer = a.LicenceIssuer,
            substances = a.Substances,
            address = a.Address,
            version = a.Version,
            inspections = detail.Inspections,
        };
    }
}
