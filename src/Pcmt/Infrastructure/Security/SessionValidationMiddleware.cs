using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Pcmt.Infrastructure.Security;

/// <summary>
/// Ends sessions server-side (issue 18, item 6): on every authenticated request, cookie or bearer token, the security stamp
/// carried in the ticket must equal the user's current stamp in the database. Signing out, an administrator's lock, a change
/// of role or scope and a credentials reset all rotate the stamp, so a copied cookie or a token stops working at its next
/// request, on every node (the stamp lives in PostgreSQL; nothing is cached). A refused page cookie is also deleted; the
/// request then continues as anonymous, so the usual 401 (API) or sign-in redirect (pages) follows.
/// Cost: one primary-key lookup of two columns per authenticated request.
/// </summary>
public sealed class SessionValidationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AppDbContext db, IOptions<IdentityOptions> identity)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var claims = identity.Value.ClaimsIdentity;
            var stamp = context.User.FindFirstValue(claims.SecurityStampClaimType);
            var current = Guid.TryParse(context.User.FindFirstValue(claims.UserIdClaimType), out var id) && stamp is not null
                ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.RequestAborted)
                : null;
            if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }

        await next(context);
    }
}
