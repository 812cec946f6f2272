using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Persons;

/// <summary>Hồ sơ đối tượng: the record in tabs; opening it is audited; supervisors also see who else opened it.</summary>
[Authorize(Permissions.ViewPersons)]
public sealed class DetailsModel(GetPerson get, PersonAccessLog accessLog, TransferPerson transfers, AppDbContext db, CurrentUser user) : PageModel
{
    private Dictionary<string, string> _units = [];

    public GetPerson.Details? Person { get; private set; }

    public PagedList<PersonAccessLog.Row>? AccessLog { get; private set; }

    public bool CanEdit => user.Can(Permissions.RegisterPersons);

    public string StatusName => Person?.Status == PersonStatus.None ? "Chưa có quyết định quản lý" : Person?.Status ?? "";

    public string UnitName(string? code) => code is null ? "" : _units.GetValueOrDefault(code, code);

    public async Task<IActionResult> OnPostTransferAsync(Guid id, string? toCommuneCode, string? reason, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.RegisterPersons))
            return Forbid();
        var result = await transfers.RequestAsync(id, new TransferPerson.Input { ToCommuneCode = toCommuneCode, Reason = reason }, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã chuyển hồ sơ; địa bàn nhận phải tiếp nhận trong 24 giờ.";
            return RedirectToPage("Transfers");
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Person = await get.HandleAsync(id, "xem hồ sơ trên trang", cancellationToken);
        if (Person is null)
            return NotFound();

        if (user.Can(Permissions.ViewPersonAccessLog))
            AccessLog = await accessLog.HandleAsync(id, new Paging(1, 100), cancellationToken);
        var codes = new[] { Person.ResidenceCommuneCode, Person.Permanent.CommuneCode, Person.Temporary.CommuneCode }.OfType<string>().Distinct().ToList();
        _units = await db.AdministrativeUnits.AsNoTracking().Current().Where(u => codes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        return Page();
    }
}
