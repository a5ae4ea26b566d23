// `npm run moderator -- add <email>` (prints a generated password, or reads one from
// stdin when piped), `password <email>` (a new password, the same way), `remove <email>`,
// `list`. Accounts live in .data/moderators.json; a running server ends the sessions of a
// removed moderator, or of one whose password changed, within a second.
import crypto from 'node:crypto';
import { hashPassword, normalizeEmail, openModerators } from '../api/auth/moderators.ts';
import { resolvePaths } from '../core/model/paths.ts';

const [command, emailArg] = process.argv.slice(2);
const store = await openModerators(resolvePaths().data);

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

const usage = 'Usage : npm run moderator -- add <email> | password <email> | remove <email> | list';

/** A password from stdin (at least 12 characters), or a generated one to print. */
async function newPassword(): Promise<{ password: string; generated: boolean }> {
  const given = await readStdin();
  if (given && given.length < 12) {
    console.error('Le mot de passe doit avoir au moins 12 caractères.');
    process.exit(2);
  }
  return given ? { password: given, generated: false } : { password: crypto.randomBytes(15).toString('base64url'), generated: true };
}

if (command === 'list') {
  const list = store.data.moderators;
  console.log(list.length ? list.map((m) => `${m.email} (créé le ${m.createdAt.slice(0, 10)})`).join('\n') : 'Aucun modérateur.');
} else if ((command === 'add' || command === 'remove' || command === 'password') && emailArg) {
  const email = normalizeEmail(emailArg);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    console.error(`« ${emailArg} » n'est pas une adresse e-mail valide.`);
    process.exit(2);
  }
  if (command === 'add') {
    if (store.data.moderators.some((m) => m.email === email)) {
      console.error(`${email} est déjà modérateur.`);
      process.exit(2);
    }
    const { password, generated } = await newPassword();
    const passwordHash = await hashPassword(password);
    await store.update((d) => d.moderators.push({ email, passwordHash, createdAt: new Date().toISOString() }));
    console.log(generated ? `Modérateur ${email} ajouté. Mot de passe (affiché une seule fois) : ${password}` : `Modérateur ${email} ajouté.`);
  } else if (command === 'password') {
    if (!store.data.moderators.some((m) => m.email === email)) {
      console.error(`${email} n'est pas modérateur.`);
      process.exit(2);
    }
    const { password, generated } = await newPassword();
    const passwordHash = await hashPassword(password);
    await store.update((d) => {
      for (const m of d.moderators) if (m.email === email) m.passwordHash = passwordHash;
    });
    console.log(
      generated
        ? `Nouveau mot de passe de ${email} (affiché une seule fois) : ${password}. Ses sessions ouvertes sont fermées.`
        : `Mot de passe de ${email} changé. Ses sessions ouvertes sont fermées.`,
    );
  } else {
    const before = store.data.moderators.length;
    await store.update((d) => {
      d.moderators = d.moderators.filter((m) => m.email !== email);
    });
    if (store.data.moderators.length === before) {
      console.error(`${email} n'est pas modérateur.`);
      process.exit(2);
    }
    console.log(`Modérateur ${email} retiré.`);
  }
} else {
  console.error(usage);
  process.exit(2);
}
