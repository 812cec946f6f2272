namespace Pcmt.Infrastructure.Web;

/// <summary>The pager partial: keeps the current filters and changes only the page number.</summary>
public sealed record PagerModel(int Page, int PageCount)
{
    public Dictionary<string, string> RouteWith(IQueryCollection query, int page)
    {
        var values = query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => q.Value.ToString());
        values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
