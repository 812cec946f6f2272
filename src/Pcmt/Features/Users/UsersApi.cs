using Microsoft.AspNetCore.Identity;

namespace Pcmt.Features.Users;

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Permissions.ManageUsers);

        group.MapGet("/", (SearchUsers search, string? q, string? role, string? scope, int? page, int? pageSize, CancellationToken cancellationToken) =>
                PagedResults.ListAsync(page, pageSize, paging => search.HandleAsync(new SearchUsers.Filter(q, role, scope), paging, cancellationToken)))
            .WithSummary("Danh sách tài khoản.");

        group.MapGet("/{id:guid}", async (Guid id, UserManager<User> users, CurrentUser administrator) =>
                await users.FindByIdAsync(id.ToString()) is { } user && UserScopes.Manages(administrator, user.ProvinceCode)
                    ? Results.Ok(new { user.Id, user.UserName, user.FullName, user.Role, Scope = user.ScopeCode, user.ScopeKind, user.TwoFactorEnabled, Version = user.ConcurrencyStamp })
                    : Problems.NotFound())
            .WithSummary("Một tài khoản.");

        group.MapPost("/", async (CreateUser create, CreateUser.Input input, CancellationToken cancellationToken) =>
                (await create.HandleAsync(input, cancellationToken)).ToHttpResult(id => TypedResults.Created($"/api/v1/users/{id}", new { id })))
            .WithSummary("Tạo tài khoản với một vai trò và một phạm vi.");

        group.MapPut("/{id:guid}", async (Guid id, UpdateUser update, UpdateUser.Input input, CancellationToken cancellationToken) =>
                (await update.HandleAsync(id, input, cancellationToken)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Sửa họ tên, vai trò, phạm vi hoặc khóa tài khoản (cần phiên bản hiện tại).");
    }
}
