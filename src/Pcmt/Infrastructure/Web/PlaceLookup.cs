namespace Pcmt.Infrastructure.Web;

/// <summary>
/// The pickers' JSON source: <c>GET /lookup/places?q=phan dinh&amp;kinds=commune&amp;province=19</c>. Pages' cookie
/// session (not the bearer API); names of units and facilities are reference data every signed-in user may read.
/// </summary>
public static class PlaceLookup
{
    public static void MapPlaceLookup(this IEndpointRouteBuilder app) =>
        app.MapGet("/lookup/places", async (PlaceNames names, string? q, string? kinds, string? province, CancellationToken cancellationToken) =>
            {
                var wanted = (kinds ?? "commune").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(k => k is PlaceNames.Kinds.Province or PlaceNames.Kinds.Commune or PlaceNames.Kinds.Facility or PlaceNames.Kinds.Agency).ToHashSet();
                if (wanted.Count == 0 || q?.Length > 100 || province?.Length > 2)
                    return (IResult)Problems.Validation("q", "Tham số tra cứu không hợp lệ.");
                var snapshot = await names.GetAsync(cancellationToken);
                var items = snapshot.Search(q, wanted, province).Select(p => new { code = p.Code, name = p.Name, detail = p.Detail, kind = p.Kind });
                return TypedResults.Ok(new { items });
            })
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
}
