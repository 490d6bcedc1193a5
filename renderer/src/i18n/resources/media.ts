/** UI text of a transcript's recording (the player above the document). */
import type { Resource } from '../resource';

const sv = {
  media: {
    link: 'Koppla inspelning…',
    copy: 'kopiera till projektmappen',
    dropHint: 'eller släpp en ljud- eller videofil här',
    pickTitle: 'Välj inspelningen till transkriptet',
    missing: 'Inspelningen hittades inte: {{path}}. Den kan ha flyttats, bytt namn eller ligga på en enhet som inte är ansluten.',
    relink: 'Koppla en annan fil…',
    replace: 'Byt fil…',
    unlink: 'Koppla bort',
    copied: 'kopia i projektmappen',
    rate: 'Hastighet {{rate}}×',
    keyPlay: 'spela/paus',
    keyBack: '5 s bakåt',
    keySlower: 'långsammare',
    seek: 'Spela från {{time}}',
    tooLarge: '”{{name}}” är {{size}} MB; i webbläsarläget kan högst {{limit}} MB laddas upp. Koppla filen med kommandot rodtrad media eller i skrivbordsappen.',
  },
};

const en: typeof sv = {
  media: {
    link: 'Link recording…',
    copy: 'copy into the project folder',
    dropHint: 'or drop an audio or video file here',
    pickTitle: 'Choose the recording of this transcript',
    missing: 'The recording was not found: {{path}}. It may have been moved or renamed, or be on a drive that is not connected.',
    relink: 'Link another file…',
    replace: 'Replace file…',
    unlink: 'Unlink',
    copied: 'copy in the project folder',
    rate: 'Speed {{rate}}×',
    keyPlay: 'play/pause',
    keyBack: 'back 5 s',
    keySlower: 'slower',
    seek: 'Play from {{time}}',
    tooLarge: '"{{name}}" is {{size}} MB; browser mode uploads at most {{limit}} MB. Link the file with the rodtrad media command or in the desktop app.',
  },
};

export default { sv, en } satisfies Resource<typeof sv>;
