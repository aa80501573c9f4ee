using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;

namespace Scoring.Host.Jobs;

/// <summary>
/// Hangfire for runs, the yearly scoring per movement and the daily reminders: its storage (<see cref="JobStorageFactory"/>),
/// a server of <c>Scheduler:Threads</c> workers, the recurring jobs, start-up recovery of unfinished runs, and the dashboard.
/// Every Hangfire service this host uses is its own (storage, activator, filter provider), never Hangfire's process-wide
/// defaults, so that several hosts in one process (the tests) each keep their storage and their <c>PauseCalendarTriggers</c>.
/// </summary>
internal static class JobsExtensions
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddScoringJobs(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        var scheduler = SchedulerSettings.From(configuration);
        var paused = SchedulerSettings.CalendarTriggersPaused(configuration);
        // The reminder job reads its offsets when it fires; a wrong value is refused now rather than at 08:00 some day.
        _ = ReminderOffsets.From(configuration);

        services.AddSingleton<IRunScheduler, HangfireRunScheduler>();
        services.AddSingleton<IReviewScheduler, HangfireReviewScheduler>();
        services.AddSingleton<YearlySchedule>();
        services.AddSingleton(sp => JobStorageFactory.Create(storage, scheduler, sp.GetRequiredService<ILogger<JobStorage>>()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var own = new JobFilterCollection();
            if (paused)
            {
                own.Add(new CalendarPause(sp.GetRequiredService<ILogger<CalendarPause>>()));
            }

            return new JobFilterProviderCollection(GlobalJobFilters.Filters, new JobFilterAttributeFilterProvider(), own);
        });
        services.AddHangfire(c => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings());

        // Started in this order, after the database initializer: recurring jobs, recovery, then the server that executes jobs.
        services.AddHostedService<JobScheduleInitializer>();
        services.AddHostedService<RunRecovery>();
        services.AddHangfireServer(o =>
        {
            if (scheduler.InstanceId is not null)
            {
                o.ServerName = scheduler.InstanceId;
            }

            o.WorkerCount = scheduler.Threads;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            o.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });
        return services;
    }

    /// <summary>
    /// The Hangfire dashboard at <c>/hangfire</c>, for administrators only: <see cref="DashboardGate"/> answers everyone else
    /// 403, and Hangfire checks again (<see cref="DashboardAdministrators"/>).
    /// </summary>
    public static IApplicationBuilder UseScoringDashboard(this IApplicationBuilder app)
    {
        var gate = ActivatorUtilities.CreateInstance<DashboardGate>(app.ApplicationServices);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DashboardPath), branch => branch.Use(gate.GateAsync));
        return app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new DashboardAdministrators()],
            AppPath = "/",
            DashboardTitle = "Scoring — Hangfire",
            DisplayStorageConnectionString = false,
        });
    }
}
