using Microsoft.AspNetCore.Identity;

namespace Pcmt.Features.Account;

public static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");

        // 200 { accessToken, expiresIn, tokenType, refreshToken }: the bearer handler writes the token response.
        auth.MapPost("/token", async (IssueToken issue, IssueToken.Input input, CancellationToken cancellationToken) =>
            {
                var (principal, failure, unauthorized) = await issue.HandleAsync(input, cancellationToken);
                if (failure is not null)
                    return failure.ToHttpResult();
                if (unauthorized is not null)
                    return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công.", detail: unauthorized.Message);
                return TypedResults.SignIn(principal!, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Cấp mã truy cập (bearer token) cho tài khoản và mật khẩu, kèm mã xác thực hai lớp khi tài khoản đã bật.");
    }
}
