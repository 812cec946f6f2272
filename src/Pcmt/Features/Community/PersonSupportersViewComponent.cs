using Microsoft.AspNetCore.Mvc;

namespace Pcmt.Features.Community;

/// <summary>Người hỗ trợ on the person page: the assignments, the Form 59/60 links and the assignment form (posted to /Community/Teams).</summary>
public sealed class PersonSupportersViewComponent(TeamRosters rosters, CurrentUser user) : ViewComponent
{
    public sealed record Model(Guid PersonId, string CommuneCode, IReadOnlyList<TeamRosters.AssignmentRow> Rows, IReadOnlyList<TeamRosters.MemberRow> Supporters, bool CanManage, bool CanPrint);

    public async Task<IViewComponentResult> InvokeAsync(Guid personId, string communeCode)
    {
        if (!user.Can(Permissions.ViewTeams))
            return Content("");
        var rows = await rosters.ForPersonAsync(personId, HttpContext.RequestAborted) ?? [];
        var canManage = user.Can(Permissions.ManageTeams);
        var supporters = canManage ? await rosters.ListMembersAsync(communeCode, Teams.Supporters, true, false, HttpContext.RequestAborted) : [];
        return View("/Features/Community/_PersonSupporters.cshtml", new Model(personId, communeCode, rows, supporters, canManage, user.Can(Permissions.IssueDocuments)));
    }
}
