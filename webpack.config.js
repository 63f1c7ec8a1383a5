// Builds the two browser front ends (Outlook task pane, Teams tab) into dist/web/.
// The server serves dist/web/taskpane.html at /taskpane.html, dist/web/tab.html at /tab and dist/web/assets/*
// with a long cache: every asset name carries a content hash, so a new build never serves a stale file.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import { EsbuildPlugin } from "esbuild-loader";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The HTML shell of one page. No inline script or style: the pages run under `default-src 'self'`.
 * @param {{ title: string }} page
 */
const shell =
  ({ title }) =>
  () =>
    `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/**
 * Writes a Brotli and a gzip copy beside each script, which the server sends as they are (`preCompressed` in
 * src/server/http/web-routes.ts): a cold load of the task pane moves about a third of the bytes, and no CPU is
 * spent compressing per request. At build time the slowest settings cost nothing a user waits for.
 */
class PrecompressPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("PrecompressPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "PrecompressPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const [name, source] of Object.entries(assets)) {
            if (!name.endsWith(".js")) continue;
            const bytes = source.buffer();
            const info = { immutable: true, compressed: true };
            compilation.emitAsset(
              `${name}.br`,
              new webpack.sources.RawSource(
                brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
              ),
              info,
            );
            compilation.emitAsset(`${name}.gz`, new webpack.sources.RawSource(gzipSync(bytes, { level: 9 })), info);
          }
        },
      );
    });
  }
}

/**
 * @param {Record<string, unknown>} _env
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {import("webpack").Configuration}
 */
export default (_env, argv) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    context: root,
    entry: {
      taskpane: "./src/outlook/taskpane.tsx",
      tab: "./src/teams/tab.tsx",
      // The Office dialog's sign-in page (MSAL redirect), opened only when NAA and Office SSO both fail.
      "auth-dialog": "./src/web/auth-dialog/auth-dialog.ts",
    },
    output: {
      path: path.join(root, "dist/web"),
      // Absolute: /tab is served from a path that is not the directory of the file.
      publicPath: "/",
      filename: production ? "assets/[name].[contenthash:12].js" : "assets/[name].js",
      chunkFilename: production ? "assets/[name].[contenthash:12].js" : "assets/[name].js",
      assetModuleFilename: "assets/[name].[contenthash:12][ext]",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      // Sources use NodeNext-style specifiers ("./theme.js") that point at .ts/.tsx files.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2020", jsx: "automatic" },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        chunks: ["taskpane"],
        templateContent: shell({ title: "Log as complaint — Redress" }),
      }),
      new HtmlWebpackPlugin({
        filename: "tab.html",
        chunks: ["tab"],
        templateContent: shell({ title: "Complaints case board — Redress" }),
      }),
      new HtmlWebpackPlugin({
        filename: "auth-dialog.html",
        chunks: ["auth-dialog"],
        templateContent: shell({ title: "Sign in — Redress" }),
      }),
      ...(production ? [new PrecompressPlugin()] : []),
    ],
    optimization: {
      // esbuild minifies in a fraction of Terser's time, which matters on two cores.
      minimizer: [new EsbuildPlugin({ target: "es2020", legalComments: "none" })],
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Changes rarely and is shared by both pages: its own long-lived file.
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            priority: 30,
          },
          // No fixed name: Fluent is split by the pages and chunks that use it, so the task pane's first paint does
          // not carry the components only the tab (or a later, lazily loaded part of the pane) needs.
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg)[\\/]/,
            priority: 20,
          },
          // Other vendor code falls to webpack's default groups, split by the pages that use it (teams-js: the tab).
        },
      },
    },
    performance: { hints: false },
    devtool: production ? false : "eval-cheap-module-source-map",
    cache: {
      type: "filesystem",
      buildDependencies: { config: [fileURLToPath(import.meta.url)] },
    },
    stats: production ? "errors-warnings" : "minimal",
  };
};
