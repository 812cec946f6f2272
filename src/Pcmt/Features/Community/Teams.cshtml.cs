using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pcmt.Features.Community;

/// <summary>Tổ quản lý, Tổ quản lý hỗ trợ xã hội, người hỗ trợ: rosters per commune, add and leave; supporter assignment posted from the person page.</summary>
[Authorize(Permissions.ViewTeams)]
public sealed class TeamsModel(TeamRosters rosters, CurrentUser user) : PageModel
{
    [BindProperty]
    public TeamRosters.MemberInput Input { get; set; } = new();

    [BindProperty]
    public TeamRosters.AssignInput Assign { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    public IReadOnlyList<TeamRosters.MemberRow> Members { get; private set; } = [];

    public bool CanManage => user.Can(Permissions.ManageTeams);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanManage)
            return Forbid();
        var result = await rosters.AddMemberAsync(Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã thêm vào danh sách.";
            return RedirectToPage(new { commune = Input.CommuneCode });
        }

        ModelState.AddFailure(result.Failure, prefix: "Input");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid id, string? on, Guid? version, CancellationToken cancellationToken)
    {
        if (!CanManage)
            return Forbid();
        var result = await rosters.EndMemberAsync(id, new TeamRosters.EndInput(on, version), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã cập nhật.";
            return RedirectToPage(new { commune = Commune });
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure, prefix: "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Posted from the person page; errors are shown back there.</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!CanManage)
            return Forbid();
        var result = await rosters.AssignAsync(personId, Assign, cancellationToken);
        if (result.Failure is Failure.NotFound)
            return NotFound();
        TempData["Notice"] = result.Succeeded ? "Đã phân công người hỗ trợ." : "Không phân công được: " + string.Join(" ", Messages(result.Failure));
        return Redirect($"/Persons/Details/{personId}#nguoi-ho-tro");
    }

    public async Task<IActionResult> OnPostEndAssignmentAsync(Guid id, Guid personId, string? on, Guid? version, CancellationToken cancellationToken)
    {
        if (!CanManage)
            return Forbid();
        var result = await rosters.EndAssignmentAsync(id, new TeamRosters.EndInput(on, version), cancellationToken);
        if (result.Failure is Failure.NotFound)
            return NotFound();
        TempData["Notice"] = result.Succeeded ? "Đã kết thúc phân công." : "Không cập nhật được: " + string.Join(" ", Messages(result.Failure));
        return Redirect($"/Persons/Details/{personId}#nguoi-ho-tro");
    }

    public async Task<IActionResult> OnGetDecisionAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.IssueDocuments))
            return Forbid();
        var document = await rosters.DecisionAsync(assignmentId, cancellationToken);
        if (document.Succeeded)
            return File(document.Value.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.Value.FileName);
        if (document.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(document.Failure, prefix: "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public bool CanIssueDocuments => user.Can(Permissions.IssueDocuments);

    /// <summary>Mẫu 55: the decision establishing the commune's Tổ quản lý hỗ trợ xã hội from its roster.</summary>
    public async Task<IActionResult> OnGetSocialSupportDecisionAsync(string? on, string? number, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.IssueDocuments))
            return Forbid();
        var document = await rosters.SocialSupportDecisionAsync(Commune, on, number, cancellationToken);
        if (document.Succeeded)
            return File(document.Value.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.Value.FileName);
        if (document.Failure is Failure.Forbidden)
            return Forbid();
        ModelState.AddFailure(document.Failure, prefix: "");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static IEnumerable<string> Messages(Failure? failure) => failure switch
    {
        Failure.Invalid invalid => invalid.Errors.SelectMany(e => e.Value),
        Failure.Conflict conflict => [conflict.Message],
        _ => ["Yêu cầu không hợp lệ."],
    };

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Members = await rosters.ListMembersAsync(string.IsNullOrEmpty(Commune) ? null : Commune, Teams.Names.ContainsKey(Team ?? "") ? Team : null, true, true, cancellationToken);
}
