using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Enforcement;

/// <summary>Ghi nhận vụ án: the case, up to five suspects and five seizures on one form; the same use case as the API.</summary>
[Authorize(Permissions.RecordSupplySide)]
public sealed class CreateModel(RecordDrugCase record, PersonForm form) : PageModel
{
    public const int Rows = 5;

    public sealed class SeizureLine
    {
        public string? Substance { get; set; }

        /// <summary>Typed as text: "1,2" and "1.2" both mean one point two (a vi-VN number field would read "1.2" as 12).</summary>
        public string? Quantity { get; set; }

        public string? Unit { get; set; }
    }

    [BindProperty]
    public RecordDrugCase.Input Input { get; set; } = new();

    [BindProperty]
    public List<SeizureLine> SeizureLines { get; set; } = [];

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Communes = await form.CommunesAsync(cancellationToken);
        Input.Route = CaseRoutes.Inland;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var seizures = new List<RecordDrugCase.SeizureInput>();
        for (var i = 0; i < SeizureLines.Count; i++)
        {
            var line = SeizureLines[i];
            if (string.IsNullOrWhiteSpace(line.Substance) && string.IsNullOrWhiteSpace(line.Quantity))
                continue;
            decimal? quantity = decimal.TryParse((line.Quantity ?? "").Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var q) ? q : null;
            if (quantity is null)
                ModelState.AddModelError($"SeizureLines[{i}].Quantity", "Số lượng phải là một số (ví dụ 1,2).");
            seizures.Add(new RecordDrugCase.SeizureInput { Substance = line.Substance, Quantity = quantity, Unit = line.Unit });
        }

        Input.Seizures = seizures;
        if (ModelState.IsValid)
        {
            var result = await record.HandleAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Đã ghi nhận vụ án.";
                return RedirectToPage("Details", new { id = result.Value });
            }

            ModelState.AddFailure(result.Failure);
        }

        Communes = await form.CommunesAsync(cancellationToken);
        return Page();
    }
}
