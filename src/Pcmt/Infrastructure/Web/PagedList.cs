using Microsoft.EntityFrameworkCore;

namespace Pcmt.Infrastructure.Web;

/// <summary>The list shape of the API contract: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => (Total + PageSize - 1) / PageSize;
}

/// <summary>Page arguments as the contract defines them: page ≥ 1, 1 ≤ pageSize ≤ 500, default 50.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static Result<Paging> From(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
            errors["page"] = ["Số trang phải lớn hơn hoặc bằng 1."];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"Số dòng mỗi trang phải từ 1 đến {MaxPageSize}."];
        return errors.Count > 0 ? new Failure.Invalid(errors) : new Paging(page ?? 1, pageSize ?? DefaultPageSize);
    }

    /// <summary>For pages: out-of-range values are clamped instead of refused.</summary>
    public static Paging Clamped(int? page, int? pageSize = null) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}

public static class PagedListExtensions
{
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, Paging paging, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, total, paging.Page, paging.PageSize);
    }
}

public static class PagedResults
{
    /// <summary>Validates page arguments (400 when out of range) and runs the paged query.</summary>
    public static async Task<IResult> ListAsync<T>(int? page, int? pageSize, Func<Paging, Task<PagedList<T>>> query)
    {
        var paging = Paging.From(page, pageSize);
        return paging.Succeeded ? TypedResults.Ok(await query(paging.Value)) : paging.Failure.ToHttpResult();
    }

    /// <summary>The same, for queries that can themselves refuse (bad filter → 400, not visible → 404).</summary>
    public static async Task<IResult> ListAsync<T>(int? page, int? pageSize, Func<Paging, Task<Result<PagedList<T>>>> query)
    {
        var paging = Paging.From(page, pageSize);
        return paging.Succeeded ? (await query(paging.Value)).ToHttpResult(TypedResults.Ok) : paging.Failure.ToHttpResult();
    }
}
