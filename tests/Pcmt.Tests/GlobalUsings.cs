global using Pcmt.Infrastructure.Data;
global using Pcmt.Infrastructure.Results;
global using Pcmt.Infrastructure.Security;
global using Pcmt.Infrastructure.Web;
