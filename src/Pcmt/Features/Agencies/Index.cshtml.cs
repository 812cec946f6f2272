using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;

namespace Pcmt.Features.Agencies;

/// <summary>Cơ quan, đơn vị: the province's agencies, and a form to register one (administrators and the provincial police).</summary>
[Authorize(Permissions.ViewAdministrativeUnits)]
public sealed class IndexModel(AgencyRegister register, AppDbContext db, CurrentUser user) : PageModel
{
    public sealed record Form
    {
        [Display(Name = "Mã cơ quan")]
        [Required(ErrorMessage = Messages.Required), StringLength(64, ErrorMessage = Messages.MaxLength)]
        public string? Code { get; init; }

        [Display(Name = "Tên cơ quan, đơn vị")]
        [Required(ErrorMessage = Messages.Required), StringLength(300, ErrorMessage = Messages.MaxLength)]
        public string? Name { get; init; }

        [Display(Name = "Tỉnh, thành phố")]
        [Required(ErrorMessage = Messages.Required)]
        public string? ProvinceCode { get; init; }

        [Display(Name = "Loại cơ quan")]
        [Required(ErrorMessage = Messages.Required)]
        public string? Kind { get; init; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    public PagedList<AgencyRegister.Row> Agencies { get; private set; } = new([], 0, 1, 1);

    public Dictionary<string, string> ProvinceNames { get; private set; } = [];

    public bool CanManage => user.Can(Permissions.ManageAgencies);

    public IEnumerable<SelectListItem> KindItems => AgencyKinds.Names.Select(k => new SelectListItem(k.Value, k.Key));

    public IEnumerable<SelectListItem> ProvinceItems => ProvinceNames
        .Where(p => user.SeesWholeInstallation || p.Key == user.ProvinceCode)
        .Select(p => new SelectListItem(p.Value, p.Key));

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanManage)
            return Forbid();
        if (ModelState.IsValid)
        {
            var result = await register.CreateAsync(new AgencyRegister.Input(Input.Code, Input.Name, Input.ProvinceCode, Input.Kind), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"Đã đăng ký {Input.Name}.";
                return RedirectToPage(new { province = Input.ProvinceCode });
            }

            ModelState.AddFailure(result.Failure);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ProvinceNames = await db.AdministrativeUnits.AsNoTracking().Current().Where(u => u.Level == UnitLevel.Province)
            .OrderBy(u => u.Name).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        Province ??= user.ProvinceCode;
        Agencies = await register.ListAsync(Province, new Paging(1, Paging.MaxPageSize), cancellationToken);
        if (Input.ProvinceCode is null)
            Input = Input with { ProvinceCode = user.ProvinceCode ?? Province };
    }
}
