using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Pcmt.Features.Account;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Agencies;
using Pcmt.Features.Audit;
using Pcmt.Features.Classification;
using Pcmt.Features.DataBreaches;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Facilities;
using Pcmt.Features.Indicators;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Features.Plans;
using Pcmt.Features.Population;
using Pcmt.Features.Reports;
using Pcmt.Features.SupplySide;
using Pcmt.Features.SupportServices;
using Pcmt.Features.Tips;
using Pcmt.Features.Users;
using Pcmt.Infrastructure.Auditing;

namespace Pcmt;

/// <summary>The composition root: every feature is registered and mapped here, one line each.</summary>
public static class PcmtApplication
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static WebApplicationBuilder AddPcmt(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;

        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(security);
        // Issue 18: the production JSON log format never throws and never writes exception messages (they may quote user input).
        builder.Logging.AddConsoleFormatter<Pcmt.Infrastructure.Logging.SafeJsonConsoleFormatter, Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ActingUser>();
        services.AddScoped(provider => provider.GetRequiredService<ActingUser>().User ?? new CurrentUser(provider.GetRequiredService<IHttpContextAccessor>()));
        services.AddPcmtDatabase(configuration);
        services.AddSingleton<DatabaseInitializer>().AddHostedService<DatabaseInitializer.Gate>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditBatchWriter>();
        services.AddMemoryCache();

        // Keys live in the database so every app node behind the load balancer reads the same cookies and tokens.
        var dataProtection = services.AddDataProtection().SetApplicationName("pcmt").PersistKeysToPcmtDatabase();
        // In production the keys are encrypted at rest with a certificate kept outside the database (docs/operations.md).
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddSingleton<TwoFactorPolicy>();
        services.AddIdentityCore<User>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PcmtClaimsFactory>()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));

        const string selectScheme = "pcmt";
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = selectScheme;
                options.DefaultChallengeScheme = selectScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            // The API accepts bearer tokens only and pages cookies only, so the API needs no antiforgery token.
            .AddPolicyScheme(selectScheme, "Cookie or bearer", options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromMinutes(security.TokenLifetimeMinutes))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "pcmt.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });

        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler, SignedInHandler>();
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new SignedInRequirement()).Build())
            .AddPolicy(Policies.SignedIn, policy => policy.AddRequirements(new SignedInRequirement()))
            .AddPolicy(Policies.PasswordOnly, policy => policy.RequireAuthenticatedUser());
        foreach (var permission in Permissions.All)
            authorization.AddPolicy(permission, policy => policy.AddRequirements(new PermissionRequirement(permission)));

        // Vietnamese text is emitted as is, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options => options.ModelBindingMessageProvider.UseVietnamese());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pcmt.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = VietnameseProblemDetails.Customize);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        services.AddOpenApi(OpenApiConventions.Configure); // issue 18: own schema per body, operationId, description
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        // Issue 19: the server searches and dashboards read from (a standby when ConnectionStrings:PcmtRead is set, ADR 0014).
        services.AddHealthChecks().AddDbContextCheck<ReadDbContext>("database-read", tags: ["ready"]);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = VietnameseProblemDetails.WriteTooManyRequestsAsync;
            options.AddPolicy(RateLimits.SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Culture);
            options.SupportedCultures = [Culture];
            options.SupportedUICultures = [Culture];
        });
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The operator names the reverse proxies (ReverseProxy:KnownProxies); only loopback is trusted otherwise.
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });

        services.AddAdministrativeUnits();
        services.AddUsers();
        services.AddPersons(configuration);
        services.AddLifecycle();
        services.AddScoped<ClassifyCommunes>().AddScoped<ComputeIndicator>().AddScoped<IndicatorRecords>();
        services.AddAccount();
        services.AddAudit();
        services.AddDataBreaches(); // Sự cố dữ liệu cá nhân (issue 18)
        services.AddAgencies(); // Agencies (issue 12)
        services.AddPlans(); // Plans, tasks, projects and budget (issue 12)
        // Periodic reports
        services.AddReports(configuration);
        services.AddEnforcement(); // Enforcement (drug cases, seizures, wanted persons)
        services.AddTips(configuration);
        Features.Community.CommunityFeature.AddCommunity(services); // Community: supporters and teams, communication and education register (issue 15)
        // Everyday pass: names instead of codes, pickers, printable exports
        services.AddSingleton<PlaceNames>();
        services.AddSingleton<Features.Demo.DemoMode>().AddHostedService<Features.Demo.DemoStartup>();
        services.AddPopulation(configuration); // National population database link (issue 16)
        services.AddSingleton<FirstPage>(); // first start: background work waits for the first page (docs/performance.md)
        services.AddSingleton<IAuthorizationPolicyProvider, UncachedPolicyProvider>(); // first start: no endpoint build for a policy cache (docs/performance.md)
        services.AddScoped<Features.LawfulActivities.LawfulActivityRegister>(); // Lawful drug-related activities and inspections (issue 14)
        return builder;
    }

    public static WebApplication UsePcmt(this WebApplication app)
    {
        app.UseMiddleware<FirstPageMiddleware>(); // first start: background work waits for the first answer (docs/performance.md)
        app.UseForwardedHeaders();
        app.UseWhen(context => IsApi(context), api =>
        {
            // Malformed JSON and wrong content types are the caller's error (400/415), never a 500.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/StatusCode/{0}");
        });
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<DatabaseReadiness>(); // first start: requests wait here until the database is ready, except the login page (docs/performance.md)
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<SessionValidationMiddleware>(); // issue 18: the security stamp is checked on every request
        app.UseMiddleware<TwoFactorEnrollmentMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<Pcmt.Infrastructure.Uploads.UploadSizeMiddleware>(); // hostile uploads: 413 before the body is read

        app.MapRazorPages();
        var api = app.MapGroup("/api/v1");
        api.MapAccountApi();
        api.MapUsersApi();
        api.MapPersonsApi();
        api.MapLifecycleApi();
        api.MapPopulationApi(); // National population database link (issue 16)
        api.MapFacilitiesApi();
        api.MapSupportServicesApi();
        api.MapSupplySideApi();
        api.MapClassificationApi();
        api.MapIndicatorsApi();
        api.MapAdministrativeUnitsApi();
        api.MapAuditApi();
        api.MapDataBreachesApi(); // Sự cố dữ liệu cá nhân (issue 18)
        api.MapAgenciesApi(); // Agencies (issue 12)
        api.MapPlansApi(); // Plans, tasks, projects and budget (issue 12)
        // Periodic reports
        api.MapReportsApi();
        api.MapExchangeApi();
        api.MapEnforcementApi(); // Enforcement (drug cases, seizures, wanted persons)
        api.MapTipsApi();
        api.AddEndpointFilter<Pcmt.Infrastructure.Web.NullElementsFilter>(); // issue 18: null elements in a body's lists are a 400, never a 500
        Features.Community.CommunityApi.MapCommunityApi(api); // Community (issue 15)
        Features.LawfulActivities.LawfulActivitiesApi.MapLawfulActivitiesApi(api); // Lawful drug-related activities and inspections (issue 14)
        app.MapPlaceLookup(); // Everyday pass: the pickers' source (cookie session)

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
