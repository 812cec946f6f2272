using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Lifecycle;

namespace Pcmt.Features.Enforcement;

/// <summary>Khởi tố, truy tố, xét xử: a stage of the criminal proceedings of a case, on a day, for a number of persons.</summary>
public sealed class RecordProsecutionStage(AppDbContext db, TimeProvider clock)
{
    public sealed record Input(string? Stage, string? On, int? Persons);

    public async Task<Result<Guid>> HandleAsync(Guid caseId, Input input, CancellationToken cancellationToken)
    {
        var drugCase = await db.Set<DrugCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (drugCase is null)
            return new Failure.NotFound();
        var errors = new Dictionary<string, string[]>();
        var stage = LegalInput.OneOf(input.Stage, "stage", ProsecutionStages.All.Keys, errors, "giai đoạn tố tụng");
        var on = LegalInput.Date(input.On, "on", errors);
        EnforcementInput.NotFuture(clock, errors, ("on", on));
        if (on < drugCase.DetectedOn && !errors.ContainsKey("on"))
            errors["on"] = ["Ngày của giai đoạn tố tụng không được trước ngày phát hiện vụ án."];
        if (input.Persons is not (> 0 and <= 10_000))
            errors["persons"] = ["Số người phải từ 1 đến 10.000."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        var row = new ProsecutionStage { CaseId = drugCase.Id, Stage = stage!, On = on!.Value, Persons = input.Persons!.Value };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }
}
