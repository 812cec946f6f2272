using Pcmt.Features.Lifecycle;

namespace Pcmt.Features.Community;

/// <summary>Tổ quản lý, người hỗ trợ; sổ tuyên truyền, giáo dục (issue 15).</summary>
public static class CommunityApi
{
    public static void MapCommunityApi(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/team-members").WithTags("Community");
        members.MapGet("/", async (string? commune, string? team, bool? current, TeamRosters rosters, CancellationToken ct) =>
            {
                var rows = await rosters.ListMembersAsync(Blank(commune), Blank(team), current ?? true, true, ct);
                return Results.Ok(new { items = rows, total = rows.Count });
            })
            .RequireAuthorization(Permissions.ViewTeams)
            .WithSummary("Danh sách Tổ quản lý, Tổ quản lý hỗ trợ xã hội và người hỗ trợ của xã (team: management | social-support | supporters); số điện thoại được giải mã và ghi nhật ký.");
        members.MapPost("/", async (TeamRosters.MemberInput input, TeamRosters rosters, CancellationToken ct) =>
                (await rosters.AddMemberAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/team-members/{id}", new { id })))
            .RequireAuthorization(Permissions.ManageTeams)
            .WithSummary("Thêm thành viên tổ hoặc người hỗ trợ: communeCode, team, role, fullName, unit, phone (mã hóa), joinedOn.");
        members.MapPost("/{memberId:guid}/leave", async (Guid memberId, TeamRosters.EndInput input, TeamRosters rosters, CancellationToken ct) =>
                (await rosters.EndMemberAsync(memberId, input, ct)).ToHttpResult(v => TypedResults.Ok(new { version = v })))
            .RequireAuthorization(Permissions.ManageTeams)
            .WithSummary("Thành viên rời tổ từ ngày on (version: 409 nếu đã bị sửa).");
        members.MapGet("/{memberId:guid}/sheet", async (Guid memberId, TeamRosters rosters, CancellationToken ct) =>
                await rosters.SheetAsync(memberId, ct) is { } sheet ? Results.Ok(sheet) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewTeams)
            .WithSummary("Phiếu của người hỗ trợ: chỉ họ tên, năm sinh, nơi ở, biện pháp và thời hạn của người được phân công (NĐ 163/2026 Điều 3 khoản 5).");

        members.MapGet("/social-support-decision", async (string? commune, string? on, string? number, TeamRosters rosters, CancellationToken ct) =>
                (await rosters.SocialSupportDecisionAsync(commune, on, number, ct)).ToHttpResult(d =>
                    TypedResults.File(d.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.FileName)))
            .RequireAuthorization(Permissions.IssueDocuments)
            .WithSummary("Quyết định thành lập Tổ quản lý hỗ trợ xã hội (Mẫu 55 Nghị định 163/2026, .docx) của xã commune (mặc định xã của người dùng), gồm các thành viên trong danh sách vào ngày on (mặc định hôm nay); number: số quyết định. 400 khi tổ chưa có thành viên hoặc Tổ trưởng; 403 với xã ngoài địa bàn.");

        var persons = api.MapGroup("/persons").WithTags("Community");
        persons.MapGet("/{id:guid}/supporters", async (Guid id, TeamRosters rosters, CancellationToken ct) =>
                await rosters.ForPersonAsync(id, ct) is { } rows ? Results.Ok(new { items = rows, total = rows.Count }) : Problems.NotFound())
            .RequireAuthorization(Permissions.ViewTeams)
            .WithSummary("Người hỗ trợ đã phân công cho một người.");
        persons.MapPost("/{id:guid}/supporters", async (Guid id, TeamRosters.AssignInput input, TeamRosters rosters, CancellationToken ct) =>
                (await rosters.AssignAsync(id, input, ct)).ToHttpResult(a => TypedResults.Created($"/api/v1/persons/{id}/supporters", new { id = a })))
            .RequireAuthorization(Permissions.ManageTeams)
            .WithSummary("Phân công người hỗ trợ (memberId, fromOn, toOn, decisionNumber) cho người đang bị quản lý, cai nghiện tại gia đình, cộng đồng hoặc quản lý sau cai; từ chối (400) các trường hợp khác.");

        var assignments = api.MapGroup("/supporter-assignments").WithTags("Community");
        assignments.MapPost("/{assignmentId:guid}/end", async (Guid assignmentId, TeamRosters.EndInput input, TeamRosters rosters, CancellationToken ct) =>
                (await rosters.EndAssignmentAsync(assignmentId, input, ct)).ToHttpResult(v => TypedResults.Ok(new { version = v })))
            .RequireAuthorization(Permissions.ManageTeams)
            .WithSummary("Kết thúc phân công người hỗ trợ từ ngày on.");
        assignments.MapGet("/{assignmentId:guid}/decision", async (Guid assignmentId, TeamRosters rosters, CancellationToken ct) =>
                (await rosters.DecisionAsync(assignmentId, ct)).ToHttpResult(d =>
                    TypedResults.File(d.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.FileName)))
            .RequireAuthorization(Permissions.IssueDocuments)
            .WithSummary("Quyết định phân công người hỗ trợ (Mẫu 59 hoặc 60 Nghị định 163/2026, .docx).");

        var activities = api.MapGroup("/communication-activities").WithTags("Community");
        activities.MapGet("/", (string? commune, string? kind, string? from, string? to, int? page, int? pageSize, CommunicationRegister register, CancellationToken ct) =>
                PagedResults.ListAsync(page, pageSize, async paging =>
                {
                    var errors = new Dictionary<string, string[]>();
                    var fromDay = LegalInput.Date(from, "from", errors, required: false);
                    var toDay = LegalInput.Date(to, "to", errors, required: false);
                    if (kind is { Length: > 0 } && !ActivityKinds.Names.ContainsKey(kind))
                        errors["kind"] = ["Hình thức không hợp lệ. Các giá trị: " + string.Join(", ", ActivityKinds.Names.Keys) + "."];
                    if (errors.Count > 0)
                        return (Result<PagedList<CommunicationRegister.ActivityRow>>)new Failure.Invalid(errors);
                    return await register.ListActivitiesAsync(Blank(commune), Blank(kind), fromDay, toDay, paging, ct);
                }))
            .RequireAuthorization(Permissions.ViewCommunication)
            .WithSummary("Hoạt động tuyên truyền, giáo dục phòng, chống ma túy trong địa bàn.");
        activities.MapPost("/", async (CommunicationRegister.ActivityInput input, CommunicationRegister register, CancellationToken ct) =>
                (await register.AddActivityAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/communication-activities/{id}", new { id })))
            .RequireAuthorization(Permissions.RecordCommunication)
            .WithSummary("Ghi hoạt động: communeCode, heldOn, agency, kind (meeting | training | media-piece | contest | school-session | workplace-session), audience, participants, materials, siteId, outletId.");

        var sites = api.MapGroup("/education-sites").WithTags("Community");
        sites.MapGet("/", async (string? commune, string? kind, CommunicationRegister register, CancellationToken ct) =>
            {
                var rows = await register.ListSitesAsync(Blank(commune), Blank(kind), ct);
                return Results.Ok(new { items = rows, total = rows.Count });
            })
            .RequireAuthorization(Permissions.ViewCommunication)
            .WithSummary("Trường học (số người học) và khu công nghiệp, khu chế xuất (số người lao động).");
        sites.MapPost("/", async (CommunicationRegister.SiteInput input, CommunicationRegister register, CancellationToken ct) =>
                (await register.AddSiteAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/education-sites/{id}", new { id })))
            .RequireAuthorization(Permissions.RecordCommunication)
            .WithSummary("Thêm trường học hoặc khu công nghiệp: communeCode, kind (school | industrial-zone), name, people.");

        var outlets = api.MapGroup("/media-outlets").WithTags("Community");
        outlets.MapGet("/", async (string? commune, CommunicationRegister register, CancellationToken ct) =>
            {
                var rows = await register.ListOutletsAsync(Blank(commune), ct);
                return Results.Ok(new { items = rows, total = rows.Count });
            })
            .RequireAuthorization(Permissions.ViewCommunication)
            .WithSummary("Cơ quan báo chí, truyền thông và chuyên trang, chuyên mục phòng, chống ma túy.");
        outlets.MapPost("/", async (CommunicationRegister.OutletInput input, CommunicationRegister register, CancellationToken ct) =>
                (await register.AddOutletAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/v1/media-outlets/{id}", new { id })))
            .RequireAuthorization(Permissions.RecordCommunication)
            .WithSummary("Thêm cơ quan báo chí: communeCode (trụ sở), name, main (chủ lực), columnSince (ngày mở chuyên mục; để trống nếu chưa có).");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
