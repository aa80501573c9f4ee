// The host's feature namespaces, visible everywhere in the host (as eShop's services do): features call each other's
// services and entities, and one list here keeps file headers about outside libraries only.
global using Scoring.Host.Accounts;
global using Scoring.Host.Audit;
global using Scoring.Host.Auth;
global using Scoring.Host.Caching;
global using Scoring.Host.Cli;
global using Scoring.Host.DataFolder;
global using Scoring.Host.Errors;
global using Scoring.Host.Export;
global using Scoring.Host.Extensions;
global using Scoring.Host.Groups;
global using Scoring.Host.Health;
global using Scoring.Host.Imports;
global using Scoring.Host.Jobs;
global using Scoring.Host.Pipeline;
global using Scoring.Host.Public;
global using Scoring.Host.RuleSets;
global using Scoring.Host.Runs;
global using Scoring.Host.Samples;
global using Scoring.Host.Storage;
global using Scoring.Host.Storage.EntityConfigurations;
global using Scoring.Host.Submissions;
global using Scoring.Host.Tenants;
global using Scoring.Host.Units;
global using Scoring.Host.UnitWorkspace;
global using Scoring.Host.Web;
