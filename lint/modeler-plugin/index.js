'use strict';

// What the Camunda Desktop Modeler reads from resources/plugins/*/index.js: the plugin's name (shown under
// Help > Plugins) and the script it loads into its window. lint/modeler-plugin/build.js copies this file next to
// the bundled script.
module.exports = {
  name: 'Career Conversations lint',
  script: './client/client.bundle.js'
};
