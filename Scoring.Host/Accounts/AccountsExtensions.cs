using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Scoring.Host.Accounts;

internal static class AccountsExtensions
{
    public const string SignInPath = "/dang-nhap";
    public const string SignOutPath = "/dang-xuat";
    public const string ChangePasswordPath = "/doi-mat-khau";
    public const string ForbiddenPath = "/khong-co-quyen";

    /// <summary>Failed sign-ins before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    public const int MaxFailedSignIns = 5;

    public const int LockoutMinutes = 15;

    /// <summary>
    /// Identity on the service database (accounts with the API's roles), the sign-in cookie for the pages, and the
    /// data-protection keys in the database so that every host reads every host's cookies and antiforgery tokens.
    /// </summary>
    public static IServiceCollection AddScoringAccounts(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Scoring").PersistKeysToDbContext<ScoringDbContext>();
        services.AddIdentityCore<Account>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
                o.ClaimsIdentity.UserNameClaimType = ClaimNames.Subject;
                o.ClaimsIdentity.RoleClaimType = ClaimNames.Role;
            })
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddEntityFrameworkStores<ScoringDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        // A disabled account or a reset password ends open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "scoring.dang-nhap";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = ForbiddenPath;
            o.ReturnUrlParameter = "returnUrl";
            o.Events = new CookieAuthenticationEvents
            {
                // The API answers 401/403 ProblemDetails to the pages' own calls; only pages are sent to the sign-in page.
                OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryForCookies.HeaderName;
            o.Cookie.Name = "scoring.chong-gia-mao";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<AntiforgeryFailurePage>());
        services.AddScoped<AccountService>();
        services.AddScoped<DemoAccounts>();
        return services;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
