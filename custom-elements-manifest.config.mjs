// The analyzer's settings (`npm run manifest`): custom-elements.json documents what a host can use, so
// the class's private members (`#name`), which no host can reach, are left out of it.
export default {
  globs: ['www/roi-calculator.js'],
  plugins: [{
    name: 'roi-calculator: public members only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => !m.name.startsWith('#'));
        }
      }
    },
  }],
};
