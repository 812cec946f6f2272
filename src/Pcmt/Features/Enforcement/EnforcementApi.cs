namespace Pcmt.Features.Enforcement;

/// <summary>/api/v1 drug cases, prosecution stages, wanted persons and seizure summaries (contract section "Enforcement").</summary>
public static class EnforcementApi
{
    public static void MapEnforcementApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/drug-cases").WithTags("Enforcement");

        cases.MapPost("/", async (RecordDrugCase record, RecordDrugCase.Input input, CancellationToken ct) =>
                (await record.HandleAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/drug-cases/{id}", new { id })))
            .RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Ghi nhận vụ án, vụ việc về ma túy: xã, ngày phát hiện, tuyến, tội danh (BLHS 2015 Điều 247–259), đối tượng, tang vật thu giữ.");

        cases.MapGet("/", (SearchDrugCases search, string? province, string? commune, string? from, string? to, string? route, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => search.HandleAsync(new SearchDrugCases.Filter(province, commune, from, to, route), paging, ct)))
            .RequireAuthorization(Permissions.ViewSupplySide)
            .WithSummary("Các vụ án ma túy trong địa bàn, mới nhất trước.");

        cases.MapGet("/{id:guid}", async (SearchDrugCases search, Guid id, CancellationToken ct) =>
                await search.FindAsync(id, ct) is { } row ? Results.Ok(row) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewSupplySide)
            .WithSummary("Một vụ án: đối tượng (liên kết sổ đăng ký chỉ hiện khi bạn được xem người đó), tang vật, giai đoạn tố tụng.");

        cases.MapPost("/{id:guid}/stages", async (RecordProsecutionStage record, Guid id, RecordProsecutionStage.Input input, CancellationToken ct) =>
                (await record.HandleAsync(id, input, ct)).ToHttpResult(stageId => TypedResults.Created($"/api/v1/drug-cases/{id}", new { id = stageId })))
            .RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Giai đoạn tố tụng của vụ án: khởi tố, truy tố, xét xử (ngày, số người).");

        cases.MapPut("/{id:guid}", async (EditDrugCase edit, Guid id, EditDrugCase.Input input, CancellationToken ct) =>
                (await edit.UpdateAsync(id, input, ct)).ToHttpResult(_ => Results.NoContent()))
            .RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Sửa vụ án (xã, đơn vị phát hiện, ngày, tuyến, tính chất, tội danh, tóm tắt) với version đã đọc; version cũ → 409.");

        cases.MapPost("/{id:guid}/suspects", async (EditDrugCase edit, Guid id, RecordDrugCase.SuspectInput input, CancellationToken ct) =>
                (await edit.AddSuspectAsync(id, input, ct)).ToHttpResult(suspectId => TypedResults.Created($"/api/v1/drug-cases/{id}", new { id = suspectId })))
            .RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Thêm đối tượng vào vụ án: người trong sổ đăng ký mà bạn được xem (personId), hoặc họ tên, năm sinh, nơi cư trú.");

        cases.MapPut("/{id:guid}/suspects/{suspectId:guid}", async (EditDrugCase edit, Guid id, Guid suspectId, EditDrugCase.LinkInput input, CancellationToken ct) =>
                (await edit.LinkSuspectAsync(id, suspectId, input, ct)).ToHttpResult(_ => Results.NoContent()))
            .RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Liên kết đối tượng của vụ án với một người trong sổ đăng ký mà bạn được xem ({ personId }; null để bỏ liên kết).");

        var wanted = api.MapGroup("/wanted-persons").WithTags("Enforcement");

        wanted.MapPost("/", async (WantedPersons register, WantedPersons.Input input, CancellationToken ct) =>
                (await register.RecordAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/wanted-persons/{id}", new { id })))
            .RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Đối tượng truy nã về ma túy lẩn trốn trên địa bàn xã (QĐ 28/2025/QĐ-TTg Điều 6.2: xã không đạt \"không ma túy\").");

        wanted.MapGet("/", (WantedPersons register, string? commune, bool? current, int? page, int? pageSize, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, paging => register.ListAsync(commune, current, paging, ct)))
            .RequireAuthorization(Permissions.ViewSupplySide)
            .WithSummary("Đối tượng truy nã lẩn trốn trên địa bàn.");

        wanted.MapPatch("/{id:guid}", async (WantedPersons register, Guid id, WantedPersons.EndInput input, CancellationToken ct) =>
                (await register.EndAsync(id, input, ct)).ToHttpResult(_ => Results.NoContent()))
            .RequireAuthorization(Permissions.RecordSupplySide)
            .WithSummary("Đối tượng truy nã đã bị bắt, ra đầu thú hoặc không còn lẩn trốn trên địa bàn từ ngày endedOn.");

        var seizures = api.MapGroup("/seizures").WithTags("Enforcement");

        seizures.MapGet("/summary", async (SeizureSummary summary, string? area, string? period, string? route, CancellationToken ct) =>
                (await summary.HandleAsync(area, period, route, ct)).ToHttpResult(s => TypedResults.Ok(new
                {
                    area = s.Area,
                    period = s.Period,
                    items = s.Items.Select(i => new { substance = i.Substance, substanceName = i.SubstanceName, unit = i.Unit, quantity = i.Quantity, cases = i.Cases }),
                    offences = s.Offences,
                    cases = s.Cases,
                    suspects = s.Suspects,
                })))
            .RequireAuthorization(Permissions.ViewSupplySide)
            .WithSummary("Tang vật thu giữ theo chất và đơn vị (g và kg quy về kg) trong địa bàn và kỳ; số vụ và đối tượng theo tội danh.");

        seizures.MapGet("/arq", async (SeizureSummary summary, string? area, int? year, CancellationToken ct) =>
                (await summary.ArqWorkbookAsync(area, year, ct)).ToHttpResult(bytes =>
                    TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"arq-thu-giu-{year}.xlsx")))
            .RequireAuthorization(Permissions.ViewSupplySide)
            .WithSummary("Bảng thu giữ theo mẫu Phiếu hỏi báo cáo năm (ARQ) của UNODC, .xlsx, ẩn các ô dưới 3 vụ.");
    }
}
