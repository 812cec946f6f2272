namespace Pcmt.Infrastructure.Security;

/// <summary>Sends a signed-in user who must use two-factor sign-in but has not enrolled yet to the enrolment page, whatever page they ask for.</summary>
public sealed class TwoFactorEnrollmentMiddleware(RequestDelegate next)
{
    public const string EnrollmentPath = "/Account/TwoFactor";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(c => c.Type == PcmtClaims.TwoFactorPending)
            && !path.StartsWithSegments("/Account")
            && !path.StartsWithSegments("/api")
            && !path.StartsWithSegments("/health")
            && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(EnrollmentPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
