using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Pcmt.Infrastructure.Security;

/// <summary>
/// The default policy provider, minus the authorization middleware's per-endpoint policy cache (a derived provider does not
/// allow caching). Creating that cache builds every endpoint, ~175 minimal API request delegates compiled from expression
/// trees, when the pipeline is built, and the router builds them all again at the first request: one build fewer is ≈ 20 %
/// of the CPU time of a first start (docs/performance.md). Without the cache each request combines its endpoint's policies
/// again: a few dictionary look-ups.
/// </summary>
public sealed class UncachedPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options);
